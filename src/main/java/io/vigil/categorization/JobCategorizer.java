package io.vigil.categorization;

import io.vigil.job.AnalysisConfig;
import io.vigil.job.AnalysisConfig.PerPartitionCategorization;
import io.vigil.job.AnalysisLimits;
import io.vigil.job.Detector;
import io.vigil.results.CategoryDefinition;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The categorization of one job: analyzes each message of the categorization field and returns the id of its
 * category, which becomes the record's {@code mlcategory}. With per-partition categorization every partition value
 * has its own categories, and ids are unique across the job. Ids start at 1 and are never reused.
 *
 * <p>A job's processor thread is the only caller, so the class is not thread-safe. After each bucket the processor
 * writes {@link #takeChangedDefinitions()} and the figures of {@link #stats()}.
 */
public final class JobCategorizer {

    /** The category of a message whose categorization field is missing or empty: it is counted, not categorized. */
    public static final long NOT_CATEGORIZED = -1;

    /** The result for a message rejected because its partition's status is {@code warn} and stop_on_warn is set. */
    public static final long REJECTED = -2;

    /** The default of {@code analysis_limits.categorization_examples_limit}. */
    public static final int DEFAULT_EXAMPLES_LIMIT = 4;

    private final String jobId;
    private final CategorizationAnalyzer analyzer;
    private final int examplesLimit;
    private final String partitionFieldName;
    private final boolean stopOnWarn;
    private final Map<String, Partition> partitions = new LinkedHashMap<>();
    private long nextCategoryId = 1;

    JobCategorizer(
            String jobId,
            CategorizationAnalyzer analyzer,
            int examplesLimit,
            String partitionFieldName,
            boolean stopOnWarn) {
        this.jobId = jobId;
        this.analyzer = analyzer;
        this.examplesLimit = examplesLimit;
        this.partitionFieldName = partitionFieldName;
        this.stopOnWarn = stopOnWarn && partitionFieldName != null;
    }

    /**
     * Creates the categorizer of a job whose configuration has been validated: {@code categorization_field_name} is
     * set and, with per-partition categorization, the detectors share one {@code partition_field_name}.
     */
    public static JobCategorizer forJob(String jobId, AnalysisConfig config, AnalysisLimits limits) {
        Long examples = limits == null ? null : limits.categorizationExamplesLimit();
        PerPartitionCategorization perPartition = config.perPartitionCategorization();
        boolean partitioned = perPartition != null && Boolean.TRUE.equals(perPartition.enabled());
        String partitionField = partitioned ? partitionFieldName(config) : null;
        boolean stopOnWarn = partitioned && Boolean.TRUE.equals(perPartition.stopOnWarn());
        return new JobCategorizer(
                jobId,
                AnalyzerConfigParser.fromConfig(config),
                examples == null ? DEFAULT_EXAMPLES_LIMIT : Math.toIntExact(examples),
                partitionField,
                stopOnWarn);
    }

    private static String partitionFieldName(AnalysisConfig config) {
        if (config.detectors() != null) {
            for (Detector detector : config.detectors()) {
                if (detector.partitionFieldName() != null) {
                    return detector.partitionFieldName();
                }
            }
        }
        return "";
    }

    /** Categorizes a message of a job without per-partition categorization. */
    public long categorize(String message) {
        return categorize(message, null);
    }

    /**
     * Returns the category id of {@code message}, {@link #NOT_CATEGORIZED} when it is null or empty, or
     * {@link #REJECTED} when stop_on_warn applies. {@code partitionValue} is ignored unless categorization is per
     * partition, where a missing value counts as the empty string.
     */
    public long categorize(String message, String partitionValue) {
        if (message == null || message.isEmpty()) {
            return NOT_CATEGORIZED;
        }
        Partition partition = partition(partitionValue);
        if (stopOnWarn && partition.stats(false).categorizationStatus() == CategorizationStatus.WARN) {
            partition.failedCount++;
            return REJECTED;
        }
        return partition.categorize(analyzer.analyzeWithDropMarkers(message), message);
    }

    private Partition partition(String partitionValue) {
        String key = partitionFieldName == null ? null : (partitionValue == null ? "" : partitionValue);
        Partition partition = partitions.get(key);
        if (partition == null) {
            partition = new Partition(jobId, partitionFieldName, key, () -> nextCategoryId++, examplesLimit);
            partitions.put(key, partition);
        }
        return partition;
    }

    /** Returns the definitions of the categories created or changed since the last call, ordered by partition. */
    public List<CategoryDefinition> takeChangedDefinitions() {
        List<CategoryDefinition> changed = new ArrayList<>();
        partitions.values().forEach(partition -> changed.addAll(partition.takeChangedDefinitions()));
        return changed;
    }

    /** Returns the definitions of all categories. */
    public List<CategoryDefinition> definitions() {
        List<CategoryDefinition> all = new ArrayList<>();
        partitions.values().forEach(partition -> all.addAll(partition.definitions()));
        return all;
    }

    /** Returns the job-level figures: counts summed over partitions and the worst status. */
    public CategorizationStats stats() {
        CategorizationStats total = CategorizationStats.empty();
        for (Partition partition : partitions.values()) {
            total = total.plus(partition.stats(true));
        }
        return total;
    }

    /** Returns the figures of each partition, in the order the partitions were first seen. */
    public List<CategorizationStats> partitionStats() {
        return partitions.values().stream()
                .map(partition -> partition.stats(true))
                .toList();
    }

    /** Writes the whole categorization state, so that {@link #readState} restores an equivalent categorizer. */
    public void writeState(DataOutput out) throws IOException {
        CategorizerState.write(out, nextCategoryId, partitions.values());
    }

    /** Replaces the state with one written by {@link #writeState} for a job with the same configuration. */
    public void readState(DataInput in) throws IOException {
        partitions.clear();
        nextCategoryId = CategorizerState.read(in, this::restorePartition);
    }

    private Partition restorePartition(String value) {
        Partition partition = new Partition(jobId, partitionFieldName, value, () -> nextCategoryId++, examplesLimit);
        partitions.put(value, partition);
        return partition;
    }
}
