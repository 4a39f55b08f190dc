package io.vigil.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Latency percentiles and throughput of requests made over a measured interval. */
record LatencyReport(long requests, double p50Ms, double p95Ms, double p99Ms, double maxMs, double perSecond) {

    static LatencyReport of(List<long[]> latenciesPerClient, int seconds) {
        long[] all = latenciesPerClient.stream()
                .flatMapToLong(Arrays::stream)
                .sorted()
                .toArray();
        if (all.length == 0) {
            throw new IllegalStateException("No request finished in the measured " + seconds + " s");
        }
        return new LatencyReport(
                all.length,
                percentileMs(all, 0.50),
                percentileMs(all, 0.95),
                percentileMs(all, 0.99),
                all[all.length - 1] / 1e6,
                all.length / (double) seconds);
    }

    /** The nearest-rank percentile of sorted latencies in nanoseconds, in milliseconds. */
    private static double percentileMs(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; %.0f requests/s " + "(%d requests)",
                p50Ms,
                p95Ms,
                p99Ms,
                maxMs,
                perSecond,
                requests);
    }
}
