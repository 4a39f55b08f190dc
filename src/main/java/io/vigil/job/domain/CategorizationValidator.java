package io.vigil.job.domain;

import io.vigil.job.AnalysisConfig;
import io.vigil.job.AnalysisConfig.PerPartitionCategorization;
import io.vigil.job.Detector;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * Checks the categorization settings of an analysis config (x-pack {@code AnalysisConfig.Builder#build}):
 * {@code mlcategory} and {@code categorization_field_name} go together, {@code categorization_filters} are distinct
 * non-empty regular expressions and exclude {@code categorization_analyzer}, and per-partition categorization uses
 * one partition field on every detector.
 */
final class CategorizationValidator {

    private static final String ML_CATEGORY = AnalysisConfig.ML_CATEGORY;

    private CategorizationValidator() {}

    static void check(AnalysisConfig config, List<Detector> detectors) {
        checkMlCategory(config.categorizationFieldName(), detectors);
        if (config.categorizationAnalyzer() != null) {
            CategorizationAnalyzers.check(config.categorizationAnalyzer());
            if (config.categorizationFieldName() == null) {
                throw ConfigErrors.invalid("categorization_analyzer requires setting categorization_field_name");
            }
        }
        checkFilters(config.categorizationFilters(), config.categorizationAnalyzer(), config.categorizationFieldName());
    }

    private static void checkMlCategory(String categorizationField, List<Detector> detectors) {
        boolean used = detectors.stream()
                .anyMatch(d -> ML_CATEGORY.equals(d.byFieldName())
                        || ML_CATEGORY.equals(d.overFieldName())
                        || ML_CATEGORY.equals(d.partitionFieldName()));
        if (used && categorizationField == null) {
            throw ConfigErrors.invalid("categorization_field_name must be set for " + ML_CATEGORY + " to be available");
        }
        if (!used && categorizationField != null) {
            throw ConfigErrors.invalid("categorization_field_name is set but " + ML_CATEGORY
                    + " is not used in any detector by/over/partition field");
        }
    }

    private static void checkFilters(List<String> filters, JsonNode analyzer, String categorizationField) {
        if (filters == null || filters.isEmpty()) {
            return;
        }
        if (analyzer != null) {
            throw ConfigErrors.invalid("categorization_filters cannot be used with categorization_analyzer - "
                    + "instead specify them as pattern_replace char_filters in the analyzer");
        }
        if (categorizationField == null) {
            throw ConfigErrors.invalid("categorization_filters require setting categorization_field_name");
        }
        if (new HashSet<>(filters).size() != filters.size()) {
            throw ConfigErrors.invalid("categorization_filters contain duplicates");
        }
        if (filters.stream().anyMatch(String::isEmpty)) {
            throw ConfigErrors.invalid("categorization_filters are not allowed to contain empty strings");
        }
        for (String filter : filters) {
            try {
                Pattern.compile(filter);
            } catch (PatternSyntaxException e) {
                throw ConfigErrors.invalid(
                        "categorization_filters contains invalid regular expression '" + filter + "'");
            }
        }
    }

    /**
     * Returns the per-partition settings to store: the default {@code {enabled: false, stop_on_warn: false}} when
     * categorization is used, nothing otherwise.
     */
    static PerPartitionCategorization perPartition(
            PerPartitionCategorization requested, String categorizationField, List<Detector> detectors) {
        boolean enabled = requested != null && Boolean.TRUE.equals(requested.enabled());
        boolean stopOnWarn = requested != null && Boolean.TRUE.equals(requested.stopOnWarn());
        if (stopOnWarn && !enabled) {
            throw ConfigErrors.invalid(
                    "stop_on_warn cannot be true in per_partition_categorization when enabled is false");
        }
        if (enabled) {
            checkPartitionFields(categorizationField, detectors);
        }
        return categorizationField == null ? null : new PerPartitionCategorization(enabled, stopOnWarn);
    }

    private static void checkPartitionFields(String categorizationField, List<Detector> detectors) {
        if (categorizationField == null) {
            throw ConfigErrors.invalid(
                    "categorization_field_name must be set when per-partition categorization is enabled");
        }
        String partitionField = null;
        for (Detector detector : detectors) {
            boolean usesCategory = ML_CATEGORY.equals(detector.byFieldName())
                    || ML_CATEGORY.equals(detector.overFieldName())
                    || ML_CATEGORY.equals(detector.partitionFieldName());
            if (ML_CATEGORY.equals(detector.partitionFieldName())) {
                throw ConfigErrors.invalid(ML_CATEGORY
                        + " cannot be used as a partition_field_name when per-partition categorization is enabled");
            }
            if (usesCategory && detector.partitionFieldName() == null) {
                throw ConfigErrors.invalid("partition_field_name must be set for detectors that reference "
                        + ML_CATEGORY + " when per-partition categorization is enabled");
            }
            String current = detector.partitionFieldName();
            if (current != null && partitionField != null && !partitionField.equals(current)) {
                throw ConfigErrors.invalid("partition_field_name cannot vary between detectors when per-partition "
                        + "categorization is enabled: [" + partitionField + "] and [" + current + "] are used");
            }
            partitionField = current != null ? current : partitionField;
        }
    }
}
