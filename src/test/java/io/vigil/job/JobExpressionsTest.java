package io.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.common.VigilException;
import io.vigil.job.JobApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class JobExpressionsTest extends JobApiTest {

    @Autowired
    JobExpressions expressions;

    @Autowired
    JobRegistry registry;

    @BeforeEach
    void createJobs() {
        api.putJob("foo-1", JobBodies.countJobWith("\"groups\":[\"foos\",\"all-teams\"]"));
        api.putJob("foo-2", JobBodies.countJobWith("\"groups\":[\"foos\"]"));
        api.putJob("bar-1", JobBodies.countJobWith("\"groups\":[\"all-teams\"]"));
    }

    @Test
    void allExpressionsMatchEveryJobSorted() {
        for (String expression : new String[] {"_all", "*", "", " ", "**"}) {
            assertThat(expressions.expandIds(expression, false))
                    .as(expression)
                    .containsExactly("bar-1", "foo-1", "foo-2");
        }
    }

    @Test
    void listsWildcardsAndGroupsAreCombined() {
        assertThat(expressions.expandIds("foo-2,bar-1", true)).containsExactly("bar-1", "foo-2");
        assertThat(expressions.expandIds("*foo-*", true)).containsExactly("foo-1", "foo-2");
        assertThat(expressions.expandIds("f*1", true)).containsExactly("foo-1");
        assertThat(expressions.expandIds("foos", true)).containsExactly("foo-1", "foo-2");
        assertThat(expressions.expandIds("all-*", true)).containsExactly("bar-1", "foo-1");
        assertThat(expressions.expandIds("foos, bar-1 ,foo-1", true)).containsExactly("bar-1", "foo-1", "foo-2");
    }

    @Test
    void exactIdDoesNotMatchPrefixes() {
        assertThatThrownBy(() -> expressions.expandIds("foo", true)).hasMessage("No known job with id 'foo'");
    }

    @Test
    void unmatchedExactIdIsAlwaysNotFound() {
        assertThatThrownBy(() -> expressions.expandIds("foo-1,missing", true))
                .isInstanceOf(VigilException.class)
                .hasMessage("No known job with id 'missing'");
    }

    @Test
    void unmatchedWildcardDependsOnAllowNoMatch() {
        assertThat(expressions.expandIds("missing-*", true)).isEmpty();
        assertThat(expressions.expandIds("foo-1,missing-*", true)).containsExactly("foo-1");
        assertThatThrownBy(() -> expressions.expandIds("foo-1,missing-*,other*", false))
                .hasMessage("No known job with id 'missing-*,other*'");
    }

    @Test
    void allWithoutJobsDependsOnAllowNoMatch() {
        jdbc.update("delete from jobs");

        assertThat(expressions.expandIds("_all", true)).isEmpty();
        assertThatThrownBy(() -> expressions.expandIds("_all", false)).hasMessage("No known job with id '_all'");
        assertThatThrownBy(() -> expressions.expandIds("*", false)).hasMessage("No known job with id '*'");
    }

    @Test
    void registryLoadsJobsByIdAndExpression() {
        assertThat(registry.getJob("foo-1").groups()).containsExactly("foos", "all-teams");
        assertThat(registry.getJobs("foos", true)).extracting(Job::jobId).containsExactly("foo-1", "foo-2");
        assertThatThrownBy(() -> registry.getJob("nope"))
                .isInstanceOfSatisfying(
                        VigilException.class,
                        e -> assertThat(e.status().value()).isEqualTo(404))
                .hasMessage("No known job with id 'nope'");
    }

    @Test
    void getJobsUsesExpressions() {
        Response groups = api.get("/_ml/anomaly_detectors/all-teams");
        Response missingAllowed = api.get("/_ml/anomaly_detectors/missing-*?allow_no_match=true");
        Response missingRejected = api.get("/_ml/anomaly_detectors/missing-*?allow_no_match=false");
        Response all = api.get("/_ml/anomaly_detectors");

        assertThat(groups.body().path("count").asLong()).isEqualTo(2);
        assertThat(groups.body().at("/jobs/0/job_id").asString()).isEqualTo("bar-1");
        assertThat(missingAllowed.status()).isEqualTo(200);
        assertThat(missingAllowed.body().path("count").asLong()).isZero();
        assertThat(missingRejected.status()).isEqualTo(404);
        assertThat(missingRejected.reason()).isEqualTo("No known job with id 'missing-*'");
        assertThat(all.body().path("count").asLong()).isEqualTo(3);
    }
}
