package io.vigil.engine;

import io.vigil.job.AnalysisConfig;
import io.vigil.job.Detector;
import io.vigil.job.DetectorFunction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The input fields a job analyses, each with a fixed index into {@link InputRecord#values()}: the detectors' field,
 * by, over and partition fields, the influencers, the summary count field and the categorization field.
 * {@code mlcategory} is included when a detector uses it; the categorizer fills it in.
 */
public final class AnalysisFields {

    private final List<String> names;
    private final Set<String> numericNames;

    private AnalysisFields(List<String> names, Set<String> numericNames) {
        this.names = List.copyOf(names);
        this.numericNames = Set.copyOf(numericNames);
    }

    public static AnalysisFields of(AnalysisConfig config) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> numericNames = new LinkedHashSet<>();
        for (Detector detector : config.detectors()) {
            boolean numeric = DetectorFunction.fromName(detector.function())
                    .map(DetectorFunction::analysesNumbers)
                    .orElse(false);
            if (numeric) {
                addIfSet(numericNames, detector.fieldName());
            }
            addIfSet(names, detector.fieldName());
            addIfSet(names, detector.byFieldName());
            addIfSet(names, detector.overFieldName());
            addIfSet(names, detector.partitionFieldName());
        }
        if (config.influencers() != null) {
            config.influencers().forEach(name -> addIfSet(names, name));
        }
        addIfSet(names, config.summaryCountFieldName());
        addIfSet(numericNames, config.summaryCountFieldName());
        addIfSet(names, config.categorizationFieldName());
        return new AnalysisFields(new ArrayList<>(names), numericNames);
    }

    private static void addIfSet(Set<String> names, String name) {
        if (name != null && !name.isEmpty()) {
            names.add(name);
        }
    }

    /** Returns the field names in index order. */
    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /**
     * Returns whether the job reads {@code name} as a number: the field of a metric function or the summary count
     * field.
     */
    public boolean isNumeric(String name) {
        return numericNames.contains(name);
    }

    /** Returns the index of {@code name}, or -1 when the job does not analyse that field. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }
}
