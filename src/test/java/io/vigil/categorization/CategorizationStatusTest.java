package io.vigil.categorization;

import static io.vigil.categorization.CategorizationStatus.OK;
import static io.vigil.categorization.CategorizationStatus.WARN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategorizationStatusTest {

    @Test
    void fewerThanHundredMessagesIsOk() {
        assertThat(CategorizationStats.status(99, 1, 0, 0, 0)).isEqualTo(OK);
    }

    @Test
    void healthyCategorizationIsOk() {
        assertThat(CategorizationStats.status(1000, 20, 10, 5, 2)).isEqualTo(OK);
    }

    @Test
    void singleCategoryWarns() {
        assertThat(CategorizationStats.status(100, 1, 1, 0, 0)).isEqualTo(WARN);
    }

    @Test
    void mostlyRareCategoriesWarn() {
        assertThat(CategorizationStats.status(1000, 100, 5, 91, 0)).isEqualTo(WARN);
        assertThat(CategorizationStats.status(1000, 100, 5, 90, 0)).isEqualTo(OK);
    }

    @Test
    void moreCategoriesThanHalfTheMessagesWarn() {
        assertThat(CategorizationStats.status(200, 101, 1, 0, 0)).isEqualTo(WARN);
        assertThat(CategorizationStats.status(200, 100, 1, 0, 0)).isEqualTo(OK);
    }

    @Test
    void noFrequentCategoryWarns() {
        assertThat(CategorizationStats.status(1000, 20, 0, 0, 0)).isEqualTo(WARN);
    }

    @Test
    void mostlyDeadCategoriesWarn() {
        assertThat(CategorizationStats.status(1000, 20, 5, 0, 11)).isEqualTo(WARN);
        assertThat(CategorizationStats.status(1000, 20, 5, 0, 10)).isEqualTo(OK);
    }

    @Test
    void jobStatsCountFrequentAndRareCategories() {
        JobCategorizer categorizer = JobCategorizerTest.categorizer();
        for (int i = 0; i < 120; i++) {
            categorizer.categorize("disk full on volume");
        }
        categorizer.categorize("connection refused by peer");

        CategorizationStats stats = categorizer.stats();

        assertThat(stats.categorizedDocCount()).isEqualTo(121);
        assertThat(stats.totalCategoryCount()).isEqualTo(2);
        assertThat(stats.frequentCategoryCount()).isEqualTo(1);
        assertThat(stats.rareCategoryCount()).isEqualTo(1);
        assertThat(stats.categorizationStatus()).isEqualTo(OK);
    }

    @Test
    void worstPartitionStatusWins() {
        CategorizationStats ok = new CategorizationStats("host", "a", 10, 2, 1, 0, 0, 0, OK);
        CategorizationStats warn = new CategorizationStats("host", "b", 200, 1, 1, 0, 0, 3, WARN);

        CategorizationStats total = ok.plus(warn);

        assertThat(total.categorizationStatus()).isEqualTo(WARN);
        assertThat(total.categorizedDocCount()).isEqualTo(210);
        assertThat(total.failedCategoryCount()).isEqualTo(3);
    }
}
