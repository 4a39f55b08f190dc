package io.vigil.job.domain;

import io.vigil.common.TimeValues;
import io.vigil.job.AnalysisConfig;
import io.vigil.job.Detector;
import io.vigil.job.DetectorFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Validates an {@code analysis_config} and applies its defaults ({@code bucket_span} 5m, empty influencers,
 * sequential {@code detector_index}). Messages are Elasticsearch's (x-pack {@code AnalysisConfig},
 * {@code TimeUtils}).
 */
final class AnalysisConfigValidator {

    private AnalysisConfigValidator() {}

    static AnalysisConfig validate(AnalysisConfig config) {
        String bucketSpan = config.bucketSpan() == null
                ? JobDefaults.BUCKET_SPAN
                : config.bucketSpan().trim();
        Duration span = TimeValues.parse(bucketSpan, "bucket_span");
        checkPositiveSeconds("bucket_span", bucketSpan, span);
        checkModelPruneWindow(config.modelPruneWindow(), bucketSpan, span);
        if (config.latency() != null) {
            checkNonNegativeSeconds("latency", config.latency(), TimeValues.parse(config.latency(), "latency"));
        }

        List<Detector> detectors = detectors(config.detectors());
        FieldNames.check(config.summaryCountFieldName());
        FieldNames.check(config.categorizationFieldName());
        CategorizationValidator.check(config, detectors);
        var perPartition = CategorizationValidator.perPartition(
                config.perPartitionCategorization(), config.categorizationFieldName(), detectors);
        checkSummaryCount(config.summaryCountFieldName(), detectors);
        List<String> influencers = config.influencers() == null ? List.of() : List.copyOf(config.influencers());
        checkNestedFieldNames(detectors, influencers);

        return new AnalysisConfig(
                bucketSpan,
                config.categorizationFieldName(),
                config.categorizationFilters(),
                config.categorizationAnalyzer(),
                perPartition,
                config.latency(),
                config.summaryCountFieldName(),
                detectors,
                influencers,
                config.modelPruneWindow(),
                config.multivariateByFields());
    }

    /** Returns the bucket span of a validated config in whole seconds. */
    static long bucketSpanSeconds(AnalysisConfig config) {
        return TimeValues.parse(config.bucketSpan(), "bucket_span").toSeconds();
    }

    private static List<Detector> detectors(List<Detector> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ConfigErrors.invalid("No detectors configured");
        }
        List<Detector> detectors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            detectors.add(DetectorValidator.validate(requested.get(i), i));
        }
        return detectors;
    }

    static void checkModelPruneWindow(String window, String bucketSpan, Duration span) {
        if (window == null) {
            return;
        }
        Duration prune = TimeValues.parse(window, "model_prune_window");
        if (prune.toMillis() % span.toMillis() != 0) {
            throw ConfigErrors.invalid(
                    "model_prune_window [" + window + "] must be a multiple of bucket_span [" + bucketSpan + "]");
        }
        if (prune.toMillis() / span.toMillis() < JobDefaults.MIN_MODEL_PRUNE_WINDOW_BUCKETS) {
            throw ConfigErrors.invalid("model_prune_window [" + window + "] must be at least "
                    + JobDefaults.MIN_MODEL_PRUNE_WINDOW_BUCKETS + " times greater than bucket_span [" + bucketSpan
                    + "]");
        }
    }

    static void checkPositiveSeconds(String name, String text, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw ConfigErrors.illegalArgument(name + " cannot be less or equal than 0. Value = " + text
                    + "; use a positive time value such as 5m");
        }
        checkWholeSeconds(name, text, value);
    }

    static void checkNonNegativeSeconds(String name, String text, Duration value) {
        if (value.isNegative()) {
            throw ConfigErrors.illegalArgument(name + " cannot be less than 0. Value = " + text);
        }
        checkWholeSeconds(name, text, value);
    }

    private static void checkWholeSeconds(String name, String text, Duration value) {
        if (value.toNanos() % 1_000_000_000L != 0) {
            throw ConfigErrors.illegalArgument(name + " has to be a multiple of 1s; actual was '" + text + "'");
        }
    }

    private static void checkSummaryCount(String summaryCountField, List<Detector> detectors) {
        boolean metric = detectors.stream()
                .anyMatch(d -> DetectorFunction.METRIC.fullName().equals(d.function()));
        if (summaryCountField != null && !summaryCountField.isEmpty() && metric) {
            throw ConfigErrors.invalid(
                    "The 'metric' function cannot be used in jobs that will take pre-summarized input");
        }
    }

    // A field and one of its nested fields (a and a.b) cannot both be analysed, because results documents would
    // need both a value and an object under the same key.
    private static void checkNestedFieldNames(List<Detector> detectors, List<String> influencers) {
        SortedSet<String> terms = new TreeSet<>();
        for (Detector detector : detectors) {
            addIfSet(terms, detector.byFieldName());
            addIfSet(terms, detector.overFieldName());
            addIfSet(terms, detector.partitionFieldName());
        }
        influencers.forEach(name -> addIfSet(terms, name));
        String previous = null;
        for (String term : terms) {
            if (previous != null && term.startsWith(previous + ".")) {
                throw ConfigErrors.invalid(
                        "Fields [" + previous + "] and [" + term + "] cannot both be used in the same analysis_config");
            }
            previous = term;
        }
    }

    private static void addIfSet(SortedSet<String> terms, String name) {
        if (name != null && !name.isEmpty()) {
            terms.add(name);
        }
    }
}
