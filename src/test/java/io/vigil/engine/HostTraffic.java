package io.vigil.engine;

import java.util.Map;
import java.util.Random;

/**
 * Seeded traffic of a fleet of hosts: per hour, each host sends 8 to 12 records whose {@code bytes} are normal with
 * mean {@code 1000 + 100 · host index} and standard deviation 50.
 */
final class HostTraffic {

    static final double BYTES_SD = 50.0;

    private final int hosts;
    private final Random random;

    HostTraffic(int hosts, long seed) {
        this.hosts = hosts;
        this.random = new Random(seed);
    }

    static String host(int index) {
        return "host-" + index;
    }

    static double meanBytes(int hostIndex) {
        return 1000.0 + 100.0 * hostIndex;
    }

    /** Adds one normal hour of traffic to the bucket at {@code bucketStartMs}. */
    void addHour(AnalyzerDriver driver, long bucketStartMs) {
        for (int host = 0; host < hosts; host++) {
            int records = 8 + random.nextInt(5);
            for (int i = 0; i < records; i++) {
                addRecord(driver, bucketStartMs, host, meanBytes(host) + BYTES_SD * random.nextGaussian());
            }
        }
    }

    void addRecord(AnalyzerDriver driver, long bucketStartMs, int host, double bytes) {
        driver.add(bucketStartMs, Map.of("host", host(host), "bytes", Double.toString(bytes)));
    }
}
