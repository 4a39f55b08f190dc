package io.vigil.ingest;

import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads newline-delimited JSON: one object per line. A line that is not one valid JSON object is counted as
 * malformed and skipped, and reading goes on with the next line. Only one buffer of lines is held in memory.
 *
 * <p>Each block of complete lines in the buffer is parsed by one parser, which avoids creating a parser per record.
 * A block whose objects do not map one to one onto its lines, or that has a syntax error, is parsed again line by
 * line; its records are held back until the block is known to be valid, so none is counted twice.
 */
final class NdjsonReader {

    private final JsonMapper json;

    NdjsonReader(JsonMapper json) {
        this.json = json;
    }

    void read(InputStream in, RecordSink sink) throws IOException {
        JsonRecordReader records = new JsonRecordReader(sink);
        LineBlocks blocks = new LineBlocks(in);
        while (blocks.next()) {
            if (blocks.tooLong()) {
                sink.malformed("the line is too long");
            } else if (readBlock(blocks, records)) {
                records.commitHeld();
            } else {
                records.discardHeld();
                readLineByLine(blocks, records, sink);
            }
        }
    }

    /** Parses a block with one parser and holds its records; returns false when the block needs line-by-line reading. */
    private boolean readBlock(LineBlocks block, JsonRecordReader records) {
        try (JsonParser parser = json.createParser(block.bytes(), block.start(), block.length())) {
            int previousLine = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    return false;
                }
                int line = parser.currentTokenLocation().getLineNr();
                if (line <= previousLine) {
                    return false;
                }
                records.readObject(parser);
                if (parser.currentLocation().getLineNr() != line) {
                    return false;
                }
                records.hold();
                previousLine = line;
            }
            return true;
        } catch (JacksonException malformed) {
            return false;
        }
    }

    private void readLineByLine(LineBlocks block, JsonRecordReader records, RecordSink sink) {
        byte[] bytes = block.bytes();
        int end = block.start() + block.length();
        int lineStart = block.start();
        while (lineStart < end) {
            int lineEnd = lineStart;
            while (lineEnd < end && bytes[lineEnd] != '\n') {
                lineEnd++;
            }
            int contentEnd = lineEnd > lineStart && bytes[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (!isBlank(bytes, lineStart, contentEnd)) {
                readLine(bytes, lineStart, contentEnd - lineStart, records, sink);
            }
            lineStart = lineEnd + 1;
        }
    }

    private void readLine(byte[] bytes, int start, int length, JsonRecordReader records, RecordSink sink) {
        try (JsonParser parser = json.createParser(bytes, start, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                sink.malformed("the line is not a JSON object");
                return;
            }
            records.readObject(parser);
            if (parser.nextToken() != null) {
                sink.malformed("the line has more than one JSON value");
                return;
            }
        } catch (JacksonException malformed) {
            sink.malformed("the line is not valid JSON");
            return;
        }
        records.commit();
    }

    private static boolean isBlank(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
