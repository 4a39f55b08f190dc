package io.vigil.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded stream of anomaly records as newline-delimited JSON, for loading a job through {@code results/_import}
 * without holding the records in memory. The job has four detectors with by, over and partition fields, a 15-minute
 * bucket span and 200 records per bucket. Record scores follow {@code 100 u^5} for uniform {@code u}, which puts
 * the median near 3 and about 10 % of records above 59, because most records of a real job barely pass the
 * reporting threshold and few score high.
 */
final class SyntheticRecords extends InputStream {

    static final long BUCKET_SPAN_SECONDS = 900;
    static final int RECORDS_PER_BUCKET = 200;
    /** 2016-06-01T00:00:00Z. */
    static final long START_MS = 1464739200000L;

    private static final String[] AIRLINES = codes("A", 40);
    private static final String[] HOSTS = codes("host-", 300);
    private static final String[] REGIONS = {"eu-west", "eu-north", "us-east", "us-west", "ap-south"};
    private static final String[] STATUSES = {"200", "301", "404", "500", "503"};

    private final long total;
    private final SplittableRandom random;
    private long written;
    private byte[] line = new byte[0];
    private int position;

    SyntheticRecords(long total, long seed) {
        this.total = total;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return line[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, line.length - position);
        System.arraycopy(line, position, buffer, offset, count);
        position += count;
        return count;
    }

    private boolean fill() {
        if (position < line.length) {
            return true;
        }
        if (written == total) {
            return false;
        }
        line = record(written++).getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }

    private String record(long index) {
        long timestamp = START_MS + (index / RECORDS_PER_BUCKET) * BUCKET_SPAN_SECONDS * 1000;
        int detector = (int) (index % 4);
        double score = Math.round(100 * Math.pow(random.nextDouble(), 5) * 1000) / 1000.0;
        double probability = Math.pow(10, -(1 + score / 10 + random.nextDouble()));
        double typical = 100 + random.nextDouble() * 50;
        double actual = typical * (1 + score / 20);
        // The row index makes every series key unique within a bucket.
        String host = HOSTS[random.nextInt(HOSTS.length)] + "-" + (index % RECORDS_PER_BUCKET);
        String split = switch (detector) {
            case 0 ->
                String.format(
                        Locale.ROOT,
                        "\"function\":\"mean\",\"field_name\":\"responsetime\","
                                + "\"by_field_name\":\"airline\",\"by_field_value\":\"%s-%d\"",
                        AIRLINES[random.nextInt(AIRLINES.length)],
                        index % RECORDS_PER_BUCKET);
            case 1 ->
                String.format(
                        Locale.ROOT,
                        "\"function\":\"count\",\"by_field_name\":\"host\"," + "\"by_field_value\":\"%s\"",
                        host);
            case 2 ->
                String.format(
                        Locale.ROOT,
                        "\"function\":\"high_sum\",\"field_name\":\"bytes\","
                                + "\"by_field_name\":\"host\",\"by_field_value\":\"%s\",\"partition_field_name\":\"region\","
                                + "\"partition_field_value\":\"%s\"",
                        host,
                        REGIONS[random.nextInt(REGIONS.length)]);
            default ->
                String.format(
                        Locale.ROOT,
                        "\"function\":\"rare\",\"by_field_name\":\"status\","
                                + "\"by_field_value\":\"%s\",\"over_field_name\":\"clientip\",\"over_field_value\":\"10.0.%d.%d\"",
                        STATUSES[random.nextInt(STATUSES.length)],
                        index % 256,
                        (index / 256) % 256);
        };
        return String.format(
                Locale.ROOT,
                "{\"result_type\":\"record\",\"timestamp\":%d,\"bucket_span\":%d,"
                        + "\"detector_index\":%d,\"probability\":%.6g,\"record_score\":%s,"
                        + "\"initial_record_score\":%s,%s,\"typical\":[%.3f],\"actual\":[%.3f],"
                        + "\"influencers\":[{\"influencer_field_name\":\"region\",\"influencer_field_values\":[\"%s\"]}]}\n",
                timestamp,
                BUCKET_SPAN_SECONDS,
                detector,
                probability,
                score,
                score,
                split,
                typical,
                actual,
                REGIONS[random.nextInt(REGIONS.length)]);
    }

    private static String[] codes(String prefix, int count) {
        String[] codes = new String[count];
        for (int i = 0; i < count; i++) {
            codes[i] = prefix + i;
        }
        return codes;
    }
}
