package io.vigil.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads CSV as RFC 4180 describes it: a header row naming the fields, then one record per row, with fields quoted
 * by double quotes when they contain commas, quotes or line breaks. A row whose number of fields differs from the
 * header is counted as malformed and skipped; an empty field counts as absent.
 */
final class CsvRecordReader {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvReadFeature.WRAP_AS_ARRAY)
            .enable(CsvReadFeature.SKIP_EMPTY_LINES)
            .build();

    /** Reads every row; throws {@link BodySyntaxError} when the CSV cannot be tokenized. */
    void read(InputStream in, RecordSink sink) {
        Header header = null;
        try (JsonParser parser = CSV.reader().with(CsvSchema.emptySchema()).createParser(in)) {
            List<String> row = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    row = new ArrayList<>();
                } else if (token == JsonToken.END_ARRAY) {
                    if (row != null && header == null) {
                        header = new Header(row, sink);
                    } else if (row != null) {
                        header.accept(row, sink);
                    }
                    row = null;
                } else if (row != null) {
                    row.add(token == JsonToken.VALUE_NULL ? null : parser.getString());
                }
            }
        } catch (JacksonException e) {
            throw new BodySyntaxError(e, sink.recordsRead());
        }
    }

    /** The header row: for each column, the analysis field it fills, and which column contains the time. */
    private static final class Header {

        private final int[] fieldIndexes;
        private final int timeColumn;

        Header(List<String> names, RecordSink sink) {
            fieldIndexes = new int[names.size()];
            int time = -1;
            for (int column = 0; column < names.size(); column++) {
                String name = names.get(column).trim();
                fieldIndexes[column] = sink.fieldIndex(name);
                if (name.equals(sink.timeField())) {
                    time = column;
                }
            }
            timeColumn = time;
        }

        void accept(List<String> row, RecordSink sink) {
            if (row.size() != fieldIndexes.length) {
                sink.malformed("the row has " + row.size() + " fields where the header has " + fieldIndexes.length);
                return;
            }
            String[] values = sink.newValues();
            String timeText = null;
            int inputFields = 0;
            for (int column = 0; column < fieldIndexes.length; column++) {
                String value = row.get(column);
                if (value == null || value.isEmpty()) {
                    continue;
                }
                if (column == timeColumn) {
                    timeText = value;
                    continue;
                }
                inputFields++;
                if (fieldIndexes[column] >= 0) {
                    values[fieldIndexes[column]] = value;
                }
            }
            sink.accept(values, timeText, inputFields);
        }
    }
}
