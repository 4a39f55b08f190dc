package io.vigil.bench;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.engine.AnalysisFields;
import io.vigil.engine.BucketAnalyzer;
import io.vigil.engine.BucketResults;
import io.vigil.engine.DefaultBucketAnalyzerFactory;
import io.vigil.engine.InputRecord;
import io.vigil.job.AnalysisConfig;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One 5-minute bucket through the engine per invocation: {@value #RECORDS_PER_BUCKET} records of {@code hosts}
 * hosts added, then the bucket finalized, for a job with {@code mean(bytes) by host} and {@code count}, influencer
 * {@code host}. Each record gets a fresh host string, as a parser delivers it, so the series lookup hashes it anew.
 * The series models are the service's own, so the figure includes assessing and learning 2,000 series per bucket.
 */
@State(Scope.Thread)
public class EngineBenchmark {

    static final int RECORDS_PER_BUCKET = 100_000;
    private static final long BUCKET_SPAN_MS = 300_000L;
    private static final int DISTINCT_BYTES = 4_096;

    @Param("1000")
    public int hosts;

    private BucketAnalyzer analyzer;
    private byte[][] hostNames;
    private String[] bytesValues;
    private int[] hostOfRecord;
    private int[] bytesOfRecord;
    private long bucketStartMs;

    @Setup(Level.Trial)
    public void setUp() {
        analyzer = DefaultBucketAnalyzerFactory.withModels(DefaultSeriesModelFactory::new)
                .create(job());
        SplittableRandom random = new SplittableRandom(2026L);
        hostNames = new byte[hosts][];
        for (int host = 0; host < hosts; host++) {
            hostNames[host] = ("host-" + host).getBytes(StandardCharsets.ISO_8859_1);
        }
        bytesValues = new String[DISTINCT_BYTES];
        for (int i = 0; i < DISTINCT_BYTES; i++) {
            bytesValues[i] = Integer.toString(500 + random.nextInt(2_000));
        }
        hostOfRecord = new int[RECORDS_PER_BUCKET];
        bytesOfRecord = new int[RECORDS_PER_BUCKET];
        for (int i = 0; i < RECORDS_PER_BUCKET; i++) {
            hostOfRecord[i] = random.nextInt(hosts);
            bytesOfRecord[i] = random.nextInt(DISTINCT_BYTES);
        }
    }

    static Job job() {
        Detector mean = new Detector(null, "mean", "bytes", "host", null, null, null, null, null, null);
        Detector count = new Detector(null, "count", null, null, null, null, null, null, null, null);
        AnalysisConfig config = new AnalysisConfig(
                "5m", null, null, null, null, null, null, List.of(mean, count), List.of("host"), null, null);
        return new Job(
                "engine-benchmark",
                "anomaly_detector",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                config,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Adds one bucket of records and finalizes it; JMH counts each record as one operation. */
    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_BUCKET)
    public BucketResults bucket() {
        AnalysisFields fields = AnalysisFields.of(job().analysisConfig());
        int bytesIndex = fields.indexOf("bytes");
        int hostIndex = fields.indexOf("host");
        long start = bucketStartMs;
        for (int i = 0; i < RECORDS_PER_BUCKET; i++) {
            String[] values = new String[2];
            values[bytesIndex] = bytesValues[bytesOfRecord[i]];
            values[hostIndex] = new String(hostNames[hostOfRecord[i]], StandardCharsets.ISO_8859_1);
            analyzer.add(start, new InputRecord(start + i, values));
        }
        bucketStartMs += BUCKET_SPAN_MS;
        return analyzer.finalizeBucket(start);
    }
}
