package io.vigil.engine;

import io.vigil.results.AnomalyRecord;

public final class FailProbe {
    public static void main(String[] args) {
        SkewedStreams.Distribution d = SkewedStreams.Distribution.valueOf(args[0]);
        for (String span : SkewedStreams.SPANS) {
            for (long seed = 1000; seed < 1050; seed++) {
                AnalyzerDriver driver = SkewedStreams.run(d, span, seed, 14 * SkewedStreams.DAY_MS);
                int n = 0;
                double best = 0; int at = 0; double p = 1; double v = 0; String expl = "";
                for (BucketResults r : driver.results) {
                    n++;
                    for (AnomalyRecord rec : r.records()) {
                        if (rec.recordScore() > best) { best = rec.recordScore(); at = n; p = rec.probability(); v = rec.actual().get(0); expl = String.valueOf(rec.multiBucketImpact()); }
                    }
                    if (r.bucket().anomalyScore() > best) { best = r.bucket().anomalyScore(); at = n; }
                }
                if (best >= 25) {
                    System.out.printf("%s %d bucket %d score %.1f p %.2e value %.1f mbi %s%n", span, seed, at, best, p, v, expl);
                }
            }
        }
    }
}
