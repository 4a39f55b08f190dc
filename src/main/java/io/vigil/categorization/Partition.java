package io.vigil.categorization;

import io.vigil.results.CategoryDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** The categorizer of one partition value, with its counts for the categorization status. */
final class Partition {

    final String value;
    final Categorizer categorizer;
    private final DefinitionBuilder definitions;
    private final String partitionFieldName;
    long categorizedCount;
    long failedCount;

    Partition(String jobId, String partitionFieldName, String value, LongSupplier ids, int examplesLimit) {
        this.value = value;
        this.partitionFieldName = partitionFieldName;
        this.categorizer = new Categorizer(ids, examplesLimit);
        this.definitions = new DefinitionBuilder(categorizer, jobId, partitionFieldName, value);
    }

    long categorize(List<String> tokens, String message) {
        categorizedCount++;
        return categorizer.categorize(tokens, message).id;
    }

    /** Returns the definitions of the categories that changed since the last call, and clears their marks. */
    List<CategoryDefinition> takeChangedDefinitions() {
        List<Category> changed = new ArrayList<>();
        for (Category category : categorizer.categories()) {
            if (category.changed) {
                changed.add(category);
                category.changed = false;
            }
        }
        return changed.isEmpty() ? List.of() : definitions.build(changed);
    }

    List<CategoryDefinition> definitions() {
        return definitions.build(categorizer.categories());
    }

    /** Returns the statistics; the dead-category count is skipped when {@code countDead} is false. */
    CategorizationStats stats(boolean countDead) {
        long frequent = 0;
        long rare = 0;
        for (Category category : categorizer.categories()) {
            if (category.numMatches == 1) {
                rare++;
            } else if (category.numMatches * 100 > categorizedCount) {
                frequent++;
            }
        }
        long total = categorizer.categories().size();
        long dead = countDead ? definitions.deadCategoryIds().size() : 0;
        return new CategorizationStats(
                partitionFieldName,
                value,
                categorizedCount,
                total,
                frequent,
                rare,
                dead,
                failedCount,
                CategorizationStats.status(categorizedCount, total, frequent, rare, dead));
    }
}
