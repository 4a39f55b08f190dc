package io.vigil.bench.nab;

import io.vigil.bench.BenchData;
import io.vigil.bench.MachineInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code bin/vigil-bench nab-models [FOLDER]}: NAB scores of the series models alone, without the service. Each
 * series of FOLDER (laid out like NAB, default the benchmark data's {@code nab}) runs through {@link NabDetector},
 * and the scores are written as {@code vigil_} result files under {@code target/nab-models} and scored for all three
 * profiles. The engine's normalizer replaces the s(p)/100 scores used here in the end-to-end benchmark.
 */
public final class InProcessNab {

    static final String DETECTOR = "vigil";

    private InProcessNab() {}

    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0]) : BenchData.directory().resolve("nab");
        NabCorpus corpus = NabCorpus.load(folder);
        Map<String, double[]> scores = scores(corpus);
        Path out = Path.of("target", "nab-models");
        for (NabSeries series : corpus.series()) {
            NabResultFiles.write(out, DETECTOR, series, scores.get(series.name()));
        }
        System.out.println("nab-models: " + corpus + "; " + MachineInfo.describe());
        NabScorer.scoreAllProfiles(corpus, scores)
                .forEach((profile, score) -> System.out.printf(
                        "%-20s %6.2f  threshold %.6f  windows detected %d/%d  false positives %d%n",
                        profile.nabName(),
                        score.normalizedScore(),
                        score.threshold(),
                        score.detectedWindows(),
                        score.windowCount(),
                        score.falsePositives()));
        System.out.println("result files: " + out.toAbsolutePath());
    }

    /** Returns the row scores of every series, by series name. */
    static Map<String, double[]> scores(NabCorpus corpus) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (NabSeries series : corpus.series()) {
            scores.put(series.name(), NabDetector.scores(series));
        }
        return scores;
    }
}
