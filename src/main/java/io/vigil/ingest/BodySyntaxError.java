package io.vigil.ingest;

import io.vigil.common.JsonErrorMessages;
import io.vigil.common.VigilException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/** A syntax error that ends the reading of a request body, with the number of records read before it. */
final class BodySyntaxError extends RuntimeException {

    private final long recordsBefore;

    BodySyntaxError(JacksonException cause, long recordsBefore) {
        super(JsonErrorMessages.describe(cause.getOriginalMessage()), cause);
        this.recordsBefore = recordsBefore;
    }

    /** Returns the 400 error naming where the body is invalid and how many records were processed. */
    VigilException toApiError() {
        TokenStreamLocation location = ((JacksonException) getCause()).getLocation();
        String where = location == null
                ? ""
                : " at line [" + location.getLineNr() + "], column [" + location.getColumnNr() + "]";
        return VigilException.bodyParseError("Failed to parse the request body" + where + ": " + getMessage()
                + "; the " + recordsBefore + " records before the error were processed, so resend only the "
                + "records after them");
    }
}
