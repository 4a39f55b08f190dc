package io.vigil.overall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The hand-written overall-bucket serializer writes the API's field order and Jackson's number formats. */
class OverallBucketSerializerTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void writesFieldsInApiOrder() {
        var bucket = new OverallBucket(
                1464739200000L,
                3600,
                50.0,
                List.of(new OverallBucket.JobMaxScore("job-a", 0.0), new OverallBucket.JobMaxScore("job-\"b\"", 12.25)),
                true);

        assertThat(mapper.writeValueAsString(bucket))
                .isEqualTo("{\"timestamp\":1464739200000,\"bucket_span\":3600,\"overall_score\":50.0,\"jobs\":["
                        + "{\"job_id\":\"job-a\",\"max_anomaly_score\":0.0},"
                        + "{\"job_id\":\"job-\\\"b\\\"\",\"max_anomaly_score\":12.25}],"
                        + "\"is_interim\":true,\"result_type\":\"overall_bucket\"}");
    }

    @Test
    void writesBucketWithoutJobs() {
        var bucket = new OverallBucket(0L, 60, 0.0, List.of(), false);

        assertThat(mapper.writeValueAsString(bucket))
                .isEqualTo("{\"timestamp\":0,\"bucket_span\":60,\"overall_score\":0.0,\"jobs\":[],"
                        + "\"is_interim\":false,\"result_type\":\"overall_bucket\"}");
    }
}
