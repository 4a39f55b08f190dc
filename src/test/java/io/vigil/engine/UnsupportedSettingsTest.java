package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.AnalysisConfig;
import io.vigil.job.DetectionRule;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import io.vigil.job.ModelPlotConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnsupportedSettingsTest {

    private final BucketAnalyzerFactory factory =
            DefaultBucketAnalyzerFactory.withModels(span -> new GaussianSeriesModelFactory());

    @Test
    void unknownFunctionIsNamed() {
        Job job = Jobs.job("5m", List.of(), Jobs.detector("no_such_function", "x", "y", null));

        assertThat(factory.unsupported(job))
                .hasValue("detectors[0].function [no_such_function] is not supported by this version of Vigil;"
                        + " remove it from the job to open it");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rare",
                "info_content",
                "high_info_content",
                "low_info_content",
                "time_of_day",
                "time_of_week",
                "lat_long"
            })
    void remainingFunctionsOpen(String function) {
        Job job = Jobs.job("5m", List.of(), Jobs.detector(function, "x", "y", null));

        assertThat(factory.unsupported(job)).isEmpty();
        assertThat(factory.create(job).modelSizeStats().memoryStatus()).isEqualTo("ok");
    }

    @ParameterizedTest
    @ValueSource(strings = {"count", "distinct_count", "mean", "metric", "rare", "freq_rare", "time_of_day"})
    void populationAnalysisOpens(String function) {
        Detector detector = new Detector(null, function, "x", "y", "user", null, null, null, null, null);

        assertThat(factory.unsupported(Jobs.job("5m", List.of(), detector))).isEmpty();
    }

    @Test
    void populationLatLongIsNamed() {
        Detector detector = new Detector(null, "lat_long", "location", null, "user", null, null, null, null, null);

        assertThat(factory.unsupported(Jobs.job("5m", List.of(), detector)))
                .hasValueSatisfying(text -> assertThat(text)
                        .startsWith("detectors[0].over_field_name [user] with the 'lat_long' function"));
    }

    @Test
    void customRulesAreSupported() {
        DetectionRule rule = new DetectionRule(List.of("skip_result"), null, null);
        Detector detector = new Detector(null, "count", null, null, null, null, null, null, List.of(rule), null);

        assertThat(factory.unsupported(Jobs.job("5m", List.of(), Jobs.detector("count", null, null, null), detector)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "none", "by", "over"})
    void excludeFrequentOpens(String setting) {
        Detector detector = new Detector(null, "count", null, "host", "user", null, null, setting, null, null);

        assertThat(factory.unsupported(Jobs.job("5m", List.of(), detector))).isEmpty();
    }

    @Test
    void categorizationOpens() {
        Job job = Jobs.job("5m", List.of(), Jobs.detector("rare", null, "mlcategory", null));
        AnalysisConfig config = job.analysisConfig();
        AnalysisConfig categorized = new AnalysisConfig(
                config.bucketSpan(),
                "message",
                null,
                null,
                null,
                null,
                null,
                config.detectors(),
                config.influencers(),
                null,
                null);

        assertThat(factory.unsupported(withConfig(job, categorized, null))).isEmpty();
    }

    @Test
    void multivariateByFieldsAndModelPlotAreNamed() {
        Job job = Jobs.job("5m", List.of(), Jobs.detector("count", null, "host", null));
        AnalysisConfig config = job.analysisConfig();
        AnalysisConfig multivariate = new AnalysisConfig(
                config.bucketSpan(),
                null,
                null,
                null,
                null,
                null,
                null,
                config.detectors(),
                config.influencers(),
                null,
                true);

        assertThat(factory.unsupported(withConfig(job, multivariate, null)))
                .hasValueSatisfying(text -> assertThat(text).startsWith("analysis_config.multivariate_by_fields"));
        assertThat(factory.unsupported(withConfig(job, config, new ModelPlotConfig(true, null, null))))
                .hasValueSatisfying(text -> assertThat(text).startsWith("model_plot_config.enabled [true]"));
    }

    @Test
    void missingFieldNameIsNamed() {
        assertThat(factory.unsupported(Jobs.job("5m", List.of(), Jobs.detector("mean", null, null, null))))
                .hasValue("detectors[0].field_name must be set when the 'mean' function is used");
    }

    @Test
    void supportedJobOpens() {
        Job job = Jobs.job(
                "5m",
                List.of("host"),
                Jobs.detector("high_mean", "bytes", "host", "region"),
                Jobs.detector("count", null, null, null),
                Jobs.detector("metric", "bytes", null, null));

        assertThat(factory.unsupported(job)).isEmpty();
        assertThat(factory.create(job).modelSizeStats().memoryStatus()).isEqualTo("ok");
    }

    private static Job withConfig(Job job, AnalysisConfig config, ModelPlotConfig modelPlot) {
        return new Job(
                job.jobId(),
                job.jobType(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                config,
                job.analysisLimits(),
                null,
                modelPlot,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
