package io.vigil.process;

import io.vigil.categorization.CategorizationStats;
import io.vigil.categorization.JobCategorizer;
import io.vigil.engine.AnalysisFields;
import io.vigil.engine.InputRecord;
import io.vigil.job.AnalysisConfig;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The log message categorization of a job that sets {@code categorization_field_name}: it assigns each record's
 * {@code mlcategory} before the analyzer sees the record, and hands over the category definitions that changed.
 */
final class Categorization {

    private final JobCategorizer categorizer;
    private final int messageIndex;
    private final int partitionIndex;
    private final int mlCategoryIndex;
    // The text of each category id, so that assigning a category allocates nothing once the id was seen.
    private final List<String> idTexts = new ArrayList<>();
    private CategorizationStats latestStats;

    private Categorization(JobCategorizer categorizer, int messageIndex, int partitionIndex, int mlCategoryIndex) {
        this.categorizer = categorizer;
        this.messageIndex = messageIndex;
        this.partitionIndex = partitionIndex;
        this.mlCategoryIndex = mlCategoryIndex;
    }

    /** Returns the categorization of {@code job}, or empty when the job does not categorize messages. */
    static Optional<Categorization> of(Job job) {
        AnalysisConfig config = job.analysisConfig();
        String messageField = config.categorizationFieldName();
        if (messageField == null || messageField.isEmpty()) {
            return Optional.empty();
        }
        AnalysisFields fields = AnalysisFields.of(config);
        boolean perPartition = config.perPartitionCategorization() != null
                && Boolean.TRUE.equals(config.perPartitionCategorization().enabled());
        String partitionField = perPartition
                ? config.detectors().stream()
                        .map(Detector::partitionFieldName)
                        .filter(name -> name != null && !name.isEmpty())
                        .findFirst()
                        .orElse(null)
                : null;
        return Optional.of(new Categorization(
                JobCategorizer.forJob(job.jobId(), config, job.analysisLimits()),
                fields.indexOf(messageField),
                partitionField == null ? -1 : fields.indexOf(partitionField),
                fields.indexOf(AnalysisConfig.ML_CATEGORY)));
    }

    /**
     * Sets the record's {@code mlcategory} to the category of its message, left null when the message is missing.
     * Returns false when the record is rejected because its partition's categorization status is {@code warn} and
     * {@code stop_on_warn} is set.
     */
    boolean assign(InputRecord record) {
        String partition = partitionIndex < 0 ? null : record.value(partitionIndex);
        long categoryId = categorizer.categorize(record.value(messageIndex), partition);
        if (categoryId == JobCategorizer.REJECTED) {
            return false;
        }
        if (categoryId != JobCategorizer.NOT_CATEGORIZED && mlCategoryIndex >= 0) {
            record.values()[mlCategoryIndex] = idText(categoryId);
        }
        return true;
    }

    List<io.vigil.results.CategoryDefinition> takeChangedDefinitions() {
        return categorizer.takeChangedDefinitions();
    }

    /** Returns the highest category id created so far, 0 before the first category. */
    long maxCategoryId() {
        return categorizer.definitions().stream()
                .mapToLong(io.vigil.results.CategoryDefinition::categoryId)
                .max()
                .orElse(0);
    }

    /**
     * Adds the job-level categorization figures to a {@code model_size_stats} document. Unless {@code refresh} is
     * true, it adds the figures computed by the last refresh, because computing them walks every category.
     */
    void addStats(Map<String, Object> modelSizeStats, boolean refresh) {
        if (refresh || latestStats == null) {
            latestStats = categorizer.stats();
        }
        CategorizationStats stats = latestStats;
        modelSizeStats.put("categorized_doc_count", stats.categorizedDocCount());
        modelSizeStats.put("total_category_count", stats.totalCategoryCount());
        modelSizeStats.put("frequent_category_count", stats.frequentCategoryCount());
        modelSizeStats.put("rare_category_count", stats.rareCategoryCount());
        modelSizeStats.put("dead_category_count", stats.deadCategoryCount());
        modelSizeStats.put("failed_category_count", stats.failedCategoryCount());
        modelSizeStats.put(
                "categorization_status", stats.categorizationStatus().toString().toLowerCase(java.util.Locale.ROOT));
    }

    void writeState(DataOutput out) throws IOException {
        categorizer.writeState(out);
    }

    void readState(DataInput in) throws IOException {
        categorizer.readState(in);
    }

    private String idText(long categoryId) {
        int index = (int) categoryId;
        while (idTexts.size() <= index) {
            idTexts.add(Long.toString(idTexts.size()));
        }
        return idTexts.get(index);
    }
}
