package io.vigil.analytics;

import java.io.DataInput;
import java.io.IOException;

/** Creates series models for a job's bucket span, and reads back models written by {@link SeriesModel#writeTo}. */
public interface SeriesModelFactory {

    /** Creates an empty model for a series of the given kind. */
    SeriesModel create(SeriesKind kind);

    /** Reads a model written by {@link SeriesModel#writeTo}. */
    SeriesModel read(DataInput in) throws IOException;
}
