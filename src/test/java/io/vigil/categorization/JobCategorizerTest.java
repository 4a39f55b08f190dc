package io.vigil.categorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.AnalysisConfig;
import io.vigil.job.AnalysisConfig.PerPartitionCategorization;
import io.vigil.job.AnalysisLimits;
import io.vigil.job.Detector;
import io.vigil.results.CategoryDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobCategorizerTest {

    @Test
    void idsStartAtOneAndAreStable() {
        JobCategorizer categorizer = categorizer();

        long failed = categorizer.categorize("Failed password for root from 10.0.0.1 port 22");
        long opened = categorizer.categorize("session opened for user root by LOGIN");
        long failedAgain = categorizer.categorize("Failed password for root from 10.0.0.9 port 4022");

        assertThat(failed).isEqualTo(1);
        assertThat(opened).isEqualTo(2);
        assertThat(failedAgain).isEqualTo(failed);
    }

    @Test
    void variableWordsJoinTheSameCategory() {
        JobCategorizer categorizer = categorizer();
        String[] users = {"webmaster", "chen", "pgadmin", "support", "inspur", "oracle"};

        Set<Long> ids = new HashSet<>();
        for (String user : users) {
            ids.add(categorizer.categorize("Invalid user " + user + " from 173.234.31.186"));
        }

        assertThat(ids).containsExactly(1L);
    }

    @Test
    void establishedEventWordsStayApart() {
        JobCategorizer categorizer = categorizer();
        for (int i = 0; i < 4; i++) {
            categorizer.categorize("cupsd startup succeeded");
        }

        long started = categorizer.categorize("cupsd startup succeeded");
        long stopped = categorizer.categorize("cupsd shutdown succeeded");
        long linkOk = categorizer.categorize("Link ok");
        long linkError = categorizer.categorize("Link error");

        assertThat(List.of(started, stopped, linkOk, linkError)).doesNotHaveDuplicates();
    }

    @Test
    void idsAreNeverReused() {
        JobCategorizer categorizer = categorizer();
        List<Long> firstIds = new ArrayList<>();

        for (int i = 0; i < 50; i++) {
            firstIds.add(categorizer.categorize("event" + letters(i) + " happened"));
        }
        for (int i = 0; i < 50; i++) {
            assertThat(categorizer.categorize("event" + letters(i) + " happened"))
                    .isEqualTo(firstIds.get(i));
        }

        assertThat(firstIds).doesNotHaveDuplicates();
        assertThat(firstIds.get(0)).isEqualTo(1);
        assertThat(firstIds.get(49)).isEqualTo(50);
    }

    @Test
    void emptyOrMissingMessageIsCountedNotCategorized() {
        JobCategorizer categorizer = categorizer();

        long missing = categorizer.categorize(null);
        long empty = categorizer.categorize("");
        long first = categorizer.categorize("disk full on volume");

        assertThat(missing).isEqualTo(JobCategorizer.NOT_CATEGORIZED);
        assertThat(empty).isEqualTo(JobCategorizer.NOT_CATEGORIZED);
        assertThat(first).isEqualTo(1);
        assertThat(categorizer.stats().categorizedDocCount()).isEqualTo(1);
    }

    @Test
    void messageWithoutTokensHasItsOwnCategory() {
        JobCategorizer categorizer = categorizer();

        long numbers = categorizer.categorize("12 34 56");
        long words = categorizer.categorize("disk full");
        long moreNumbers = categorizer.categorize("99 100");

        assertThat(numbers).isEqualTo(moreNumbers);
        assertThat(words).isNotEqualTo(numbers);
    }

    @Test
    void partitionsHaveGloballyUniqueIds() {
        JobCategorizer categorizer = partitioned(false);

        long webFirst = categorizer.categorize("disk full on volume", "web");
        long dbFirst = categorizer.categorize("disk full on volume", "db");
        long webSecond = categorizer.categorize("connection refused by peer", "web");
        long dbAgain = categorizer.categorize("disk full on volume", "db");

        assertThat(List.of(webFirst, dbFirst, webSecond)).containsExactly(1L, 2L, 3L);
        assertThat(dbAgain).isEqualTo(dbFirst);
        List<CategoryDefinition> definitions = categorizer.definitions();
        assertThat(definitions)
                .extracting(CategoryDefinition::partitionFieldValue)
                .containsExactly("web", "web", "db");
        assertThat(definitions)
                .extracting(CategoryDefinition::partitionFieldName)
                .containsOnly("host");
    }

    @Test
    void stopOnWarnRejectsMessagesOfWarningPartition() {
        JobCategorizer categorizer = partitioned(true);
        for (int i = 0; i < 100; i++) {
            categorizer.categorize("only one kind of message", "web");
        }

        long rejected = categorizer.categorize("only one kind of message", "web");
        long otherPartition = categorizer.categorize("only one kind of message", "db");

        assertThat(rejected).isEqualTo(JobCategorizer.REJECTED);
        assertThat(otherPartition).isEqualTo(2);
        CategorizationStats web = categorizer.partitionStats().get(0);
        assertThat(web.categorizationStatus()).isEqualTo(CategorizationStatus.WARN);
        assertThat(web.failedCategoryCount()).isEqualTo(1);
        assertThat(web.categorizedDocCount()).isEqualTo(100);
    }

    @Test
    void reportsOnlyChangedDefinitions() {
        JobCategorizer categorizer = categorizer();
        categorizer.categorize("disk full on volume");
        categorizer.categorize("connection refused by peer");

        List<CategoryDefinition> first = categorizer.takeChangedDefinitions();
        List<CategoryDefinition> none = categorizer.takeChangedDefinitions();
        categorizer.categorize("connection refused by peer");
        List<CategoryDefinition> second = categorizer.takeChangedDefinitions();

        assertThat(first).extracting(CategoryDefinition::categoryId).containsExactly(1L, 2L);
        assertThat(none).isEmpty();
        assertThat(second).extracting(CategoryDefinition::categoryId).containsExactly(2L);
        assertThat(second.get(0).numMatches()).isEqualTo(2);
    }

    @Test
    void examplesLimitComesFromAnalysisLimits() {
        AnalysisLimits limits = new AnalysisLimits(null, 2L);
        JobCategorizer categorizer = JobCategorizer.forJob("job", config(null), limits);

        for (String user : List.of("dave", "carol", "bob", "alice")) {
            categorizer.categorize("Invalid user " + user + " from 10.1.1.1");
        }

        assertThat(categorizer.definitions().get(0).examples())
                .containsExactly("Invalid user carol from 10.1.1.1", "Invalid user dave from 10.1.1.1");
    }

    static JobCategorizer categorizer() {
        return JobCategorizer.forJob("job", config(null), null);
    }

    private static JobCategorizer partitioned(boolean stopOnWarn) {
        return JobCategorizer.forJob("job", config(new PerPartitionCategorization(true, stopOnWarn)), null);
    }

    private static AnalysisConfig config(PerPartitionCategorization perPartition) {
        Detector detector = new Detector(null, "count", null, "mlcategory", null, "host", null, null, null, null);
        return new AnalysisConfig(
                "5m", "message", null, null, perPartition, null, null, List.of(detector), null, null, null);
    }

    /** Returns a distinct letters-only suffix for {@code i}, so each message is a new event name. */
    private static String letters(int i) {
        return String.valueOf((char) ('a' + i % 26)) + (char) ('a' + i / 26);
    }
}
