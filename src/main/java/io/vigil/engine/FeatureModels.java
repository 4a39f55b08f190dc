package io.vigil.engine;

import io.vigil.analytics.CircularTimeModel;
import io.vigil.analytics.PopulationDistribution;
import io.vigil.analytics.SeriesModel;
import io.vigil.analytics.SeriesModelFactory;
import java.io.DataInput;
import java.io.IOException;

/**
 * Chooses the model of each feature. A series' bucket statistics get the job's series models, and attributes shared
 * by the members of a population get a population distribution. The times of day and week get the circular time
 * model, because they are judged against when events usually happen rather than as a time series. The sums of a
 * series get a {@link SumSeriesModel}, which also judges the sum given its number of values.
 */
final class FeatureModels {

    private final SeriesModelFactory seriesModels;
    private final long bucketSpanSeconds;
    private final boolean population;

    FeatureModels(SeriesModelFactory seriesModels, long bucketSpanSeconds, boolean population) {
        this.seriesModels = seriesModels;
        this.bucketSpanSeconds = bucketSpanSeconds;
        this.population = population;
    }

    SeriesModel create(Feature feature) {
        if (feature == Feature.TIME_OF_DAY) {
            return CircularTimeModel.timeOfDay(bucketSpanSeconds);
        }
        if (feature == Feature.TIME_OF_WEEK) {
            return CircularTimeModel.timeOfWeek(bucketSpanSeconds);
        }
        if (population) {
            return new PopulationDistribution(feature.kind(), bucketSpanSeconds);
        }
        return feature.countConditioned() ? new SumSeriesModel(seriesModels) : seriesModels.create(feature.kind());
    }

    /** Reads a model of {@code feature} written by {@link SeriesModel#writeTo}. */
    SeriesModel read(Feature feature, DataInput in) throws IOException {
        if (feature.timeOfPeriod()) {
            return CircularTimeModel.read(in);
        }
        if (population) {
            return PopulationDistribution.read(in);
        }
        return feature.countConditioned() ? SumSeriesModel.read(seriesModels, in) : seriesModels.read(in);
    }

    /** Reads a model of {@code feature} from a state of format 2, which kept one model per sum. */
    SeriesModel readFormat2(Feature feature, DataInput in) throws IOException {
        if (population || !feature.countConditioned()) {
            return read(feature, in);
        }
        return SumSeriesModel.withoutCountView(seriesModels, seriesModels.read(in));
    }
}
