package io.vigil.job;

/** Named request bodies for job tests. */
final class JobBodies {

    private JobBodies() {}

    /** Returns a job with one count detector and an empty data description. */
    static String countJob() {
        return withDetectors("{\"function\":\"count\"}");
    }

    /** Returns a job with the given detector objects, comma-separated. */
    static String withDetectors(String detectors) {
        return "{\"analysis_config\":{\"detectors\":[" + detectors + "]},\"data_description\":{}}";
    }

    /** Returns a job with the given {@code analysis_config} members besides a count detector, e.g. {@code "latency":"1m"}. */
    static String withAnalysis(String members) {
        return "{\"analysis_config\":{\"detectors\":[{\"function\":\"count\"}]," + members
                + "},\"data_description\":{}}";
    }

    /** Returns a count job with extra top-level members, e.g. {@code "model_snapshot_retention_days":3}. */
    static String countJobWith(String members) {
        return "{\"analysis_config\":{\"detectors\":[{\"function\":\"count\"}]},\"data_description\":{}," + members
                + "}";
    }

    /** Returns the airline response-time job of Elasticsearch's job CRUD examples. */
    static String responseTimeByAirline() {
        return "{\"description\":\"Analysis of response time by airline\","
                + "\"analysis_config\":{\"bucket_span\":\"1h\",\"detectors\":[{\"function\":\"metric\","
                + "\"field_name\":\"responsetime\",\"by_field_name\":\"airline\"}]},"
                + "\"data_description\":{\"time_field\":\"time\",\"time_format\":\"yyyy-MM-dd HH:mm:ssX\"}}";
    }
}
