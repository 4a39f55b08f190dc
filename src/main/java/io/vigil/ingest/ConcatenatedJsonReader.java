package io.vigil.ingest;

import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads concatenated JSON objects, optionally wrapped in top-level arrays, as one token stream. A syntax error
 * ends the request because the stream cannot be resynchronized; the records before it stay processed.
 */
final class ConcatenatedJsonReader {

    private final JsonMapper json;

    ConcatenatedJsonReader(JsonMapper json) {
        this.json = json;
    }

    /** Reads every record; throws {@link BodySyntaxError} at the first syntax error. */
    void read(InputStream in, RecordSink sink) {
        JsonRecordReader records = new JsonRecordReader(sink);
        try (JsonParser parser = json.createParser(in)) {
            JsonToken token;
            int arrayDepth = 0;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT) {
                    records.readObject(parser);
                    records.commit();
                } else if (token == JsonToken.START_ARRAY) {
                    arrayDepth++;
                } else if (token == JsonToken.END_ARRAY && arrayDepth > 0) {
                    arrayDepth--;
                } else {
                    sink.malformed("the value is not a JSON object");
                }
            }
        } catch (JacksonException e) {
            throw new BodySyntaxError(e, sink.recordsRead());
        }
    }
}
