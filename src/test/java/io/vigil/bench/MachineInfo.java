package io.vigil.bench;

import java.lang.management.ManagementFactory;

/** The machine facts each benchmark prints beside its figures. */
public final class MachineInfo {

    private MachineInfo() {}

    /** Returns for example "2 cores, 23.4 GiB RAM, Java 17.0.15, max heap 4.0 GiB". */
    public static String describe() {
        long totalMemory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            totalMemory = os.getTotalMemorySize();
        }
        return String.format(
                "%d cores, %.1f GiB RAM, Java %s, max heap %.1f GiB",
                Runtime.getRuntime().availableProcessors(),
                totalMemory / (1024.0 * 1024 * 1024),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024));
    }
}
