package io.vigil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads newline-delimited JSON: one object per line. A line that is not one valid JSON object is counted as
 * malformed and skipped, and reading goes on with the next line. Only one line is held in memory at a time.
 */
final class NdjsonReader {

    // A line longer than this is counted as malformed without being parsed, which bounds the memory per request.
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final JsonMapper json;

    NdjsonReader(JsonMapper json) {
        this.json = json;
    }

    void read(InputStream in, RecordSink sink) throws IOException {
        JsonRecordReader records = new JsonRecordReader(sink);
        LineBuffer lines = new LineBuffer(in);
        while (lines.next()) {
            if (lines.tooLong()) {
                sink.malformed();
            } else if (!lines.isBlank()) {
                readLine(lines, records, sink);
            }
        }
    }

    private void readLine(LineBuffer line, JsonRecordReader records, RecordSink sink) {
        try (JsonParser parser = json.createParser(line.bytes(), line.start(), line.length())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                sink.malformed();
                return;
            }
            records.readObject(parser);
            if (parser.nextToken() != null) {
                sink.malformed();
                return;
            }
        } catch (JacksonException malformed) {
            sink.malformed();
            return;
        }
        records.commit();
    }

    /** Splits a byte stream into lines without decoding it; a line ends at {@code \n}, a trailing CR is dropped. */
    private static final class LineBuffer {

        private final InputStream in;
        private byte[] buffer = new byte[64 * 1024];
        private int filled;
        private int lineStart;
        private int lineEnd;
        private int nextStart;
        private boolean tooLong;
        private boolean endOfInput;

        LineBuffer(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            lineStart = nextStart;
            tooLong = false;
            int scanned = lineStart;
            while (true) {
                for (int i = scanned; i < filled; i++) {
                    if (buffer[i] == '\n') {
                        lineEnd = i;
                        nextStart = i + 1;
                        trimCarriageReturn();
                        return true;
                    }
                }
                scanned = filled;
                if (endOfInput) {
                    if (lineStart >= filled) {
                        return false;
                    }
                    lineEnd = filled;
                    nextStart = filled;
                    trimCarriageReturn();
                    return true;
                }
                scanned -= compact();
                if (filled - lineStart >= MAX_LINE_BYTES) {
                    skipRestOfLine();
                    return true;
                }
                fill();
            }
        }

        private int compact() {
            int shift = lineStart;
            if (shift > 0) {
                System.arraycopy(buffer, shift, buffer, 0, filled - shift);
                filled -= shift;
                lineStart = 0;
            }
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_LINE_BYTES + 1));
            }
            return shift;
        }

        private void fill() throws IOException {
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                endOfInput = true;
            } else {
                filled += read;
            }
        }

        private void skipRestOfLine() throws IOException {
            tooLong = true;
            while (true) {
                for (int i = 0; i < filled; i++) {
                    if (buffer[i] == '\n') {
                        lineStart = 0;
                        lineEnd = 0;
                        nextStart = i + 1;
                        return;
                    }
                }
                filled = 0;
                int read = in.read(buffer, 0, buffer.length);
                if (read < 0) {
                    endOfInput = true;
                    nextStart = 0;
                    return;
                }
                filled = read;
            }
        }

        private void trimCarriageReturn() {
            if (lineEnd > lineStart && buffer[lineEnd - 1] == '\r') {
                lineEnd--;
            }
        }

        boolean tooLong() {
            return tooLong;
        }

        boolean isBlank() {
            for (int i = lineStart; i < lineEnd; i++) {
                byte b = buffer[i];
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }

        byte[] bytes() {
            return buffer;
        }

        int start() {
            return lineStart;
        }

        int length() {
            return lineEnd - lineStart;
        }
    }
}
