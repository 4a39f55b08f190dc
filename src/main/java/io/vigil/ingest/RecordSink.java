package io.vigil.ingest;

import io.vigil.engine.AnalysisFields;
import io.vigil.engine.InputRecord;
import io.vigil.job.AnalysisConfig;
import io.vigil.job.DataDescription;
import io.vigil.job.Job;
import io.vigil.process.RecordBatch;
import io.vigil.process.Upload;
import java.time.DateTimeException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the records a parser reads into {@link InputRecord}s of the job's analysis fields and sends them to the
 * job's processor in batches, counting what the parse found: bytes, fields, invalid dates, missing fields (absent,
 * or not a number where a metric function reads one) and malformed records.
 */
final class RecordSink {

    static final int BATCH_SIZE = 2048;
    /**
     * Epoch milliseconds below this (1973-03-03) look like epoch seconds, and epoch seconds above it (the year 5138)
     * look like epoch milliseconds: the same digits read in the wrong unit.
     */
    static final long UNIT_MIX_UP_LIMIT = 100_000_000_000L;

    /** Maximum length of an invalid time value quoted in the warning. */
    static final int QUOTED_LENGTH = 100;

    private final Upload upload;
    private final CountingInputStream body;
    private final Map<String, Integer> fieldIndexes = new HashMap<>();
    private final int fieldCount;
    private final boolean[] numeric;
    private final int mlCategoryIndex;
    private final String timeField;
    private final TimeParser timeParser;
    private final String timeFormat;
    private final boolean epochMillis;
    private final boolean epochSeconds;
    private RecordBatch batch = new RecordBatch(BATCH_SIZE);
    private long bytesSent;
    private long recordsRead;
    private long invalidTimes;
    private String firstInvalidTime;
    private long wrongUnitTimes;
    private String firstWrongUnitTime;
    private long firstInvalidTimeRecord;
    private long malformedRecords;
    private long firstMalformedRecord;
    private String firstMalformedReason;
    private long missingFields;
    private long firstMissingRecord;
    private String firstMissingField;
    private String firstMissingValue;
    private final String[] fieldNames;

    RecordSink(Job job, Upload upload, CountingInputStream body) {
        this.upload = upload;
        this.body = body;
        AnalysisFields fields = AnalysisFields.of(job.analysisConfig());
        for (int i = 0; i < fields.size(); i++) {
            fieldIndexes.put(fields.names().get(i), i);
        }
        this.fieldCount = fields.size();
        this.fieldNames = fields.names().toArray(new String[0]);
        this.numeric = new boolean[fieldCount];
        for (int i = 0; i < fieldCount; i++) {
            numeric[i] = fields.isNumeric(fields.names().get(i));
        }
        this.mlCategoryIndex = fields.indexOf(AnalysisConfig.ML_CATEGORY);
        DataDescription description = job.dataDescription();
        this.timeField = description == null || description.timeField() == null ? "time" : description.timeField();
        String format = description == null ? null : description.timeFormat();
        this.timeParser = TimeParser.of(format);
        this.timeFormat = format == null ? "epoch_ms" : format;
        this.epochMillis = timeFormat.equals("epoch_ms");
        this.epochSeconds = timeFormat.equals("epoch");
    }

    String timeField() {
        return timeField;
    }

    /** Returns the index of an analysis field, or -1 for a field the job does not analyse. */
    int fieldIndex(String name) {
        Integer index = fieldIndexes.get(name);
        return index == null ? -1 : index;
    }

    String[] newValues() {
        return new String[fieldCount];
    }

    /**
     * Takes a read record: its analysis field values, its time text (null when absent) and the number of fields it
     * had besides the time field.
     */
    void accept(String[] values, String timeText, int inputFields) {
        recordsRead++;
        batch.countInputFields(inputFields);
        long timeMs;
        try {
            if (timeText == null) {
                throw new DateTimeException("missing time field");
            }
            timeMs = timeParser.parseMillis(timeText);
        } catch (DateTimeException | IllegalArgumentException invalid) {
            if (invalidTimes++ == 0) {
                firstInvalidTime =
                        timeText == null ? null : timeText.substring(0, Math.min(timeText.length(), QUOTED_LENGTH));
                firstInvalidTimeRecord = recordsRead + malformedRecords;
            }
            batch.countInvalidDate();
            sendIfFull();
            return;
        }
        if (inWrongUnit(timeMs) && wrongUnitTimes++ == 0) {
            firstWrongUnitTime = quoted(timeText);
        }
        int missing = 0;
        for (int i = 0; i < fieldCount; i++) {
            if (values[i] == null ? i != mlCategoryIndex : numeric[i] && !isFiniteNumber(values[i])) {
                if (missingFields + missing == 0) {
                    firstMissingRecord = recordsRead + malformedRecords;
                    firstMissingField = fieldNames[i];
                    firstMissingValue = values[i];
                }
                missing++;
            }
        }
        missingFields += missing;
        batch.countMissingFields(missing);
        batch.add(new InputRecord(timeMs, values));
        sendIfFull();
    }

    /**
     * Returns whether {@code text} is a finite number as the analysis reads it ({@link Double#parseDouble}). A value
     * of a numeric field that is not one counts as missing, because no metric detector can use it.
     */
    private static boolean isFiniteNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Returns a sentence on the records skipped for a missing or invalid time, naming the time field, the first such
     * value and the expected format, or null when there were none.
     */
    String invalidTimeSummary() {
        if (invalidTimes == 0) {
            return null;
        }
        String first = firstInvalidTime == null ? "missing" : "[" + firstInvalidTime + "]";
        String records = invalidTimes == 1 ? "1 record" : invalidTimes + " records";
        return records + " skipped because time field [" + timeField + "] was missing or invalid (first: " + first
                + " in record " + firstInvalidTimeRecord + " of the request); send it in time_format [" + timeFormat
                + "]";
    }

    private boolean inWrongUnit(long timeMs) {
        if (epochMillis) {
            return Math.abs(timeMs) < UNIT_MIX_UP_LIMIT;
        }
        return epochSeconds && Math.abs(timeMs / 1000) > UNIT_MIX_UP_LIMIT;
    }

    /**
     * Returns a time value as the warnings quote it: at most {@link #QUOTED_LENGTH} characters, with control
     * characters replaced by '?', so that a value cannot start a new log line.
     */
    static String quoted(String text) {
        String head = text.substring(0, Math.min(text.length(), QUOTED_LENGTH));
        return head.replaceAll("\\p{Cntrl}", "?");
    }

    /**
     * Returns a sentence on the records whose epoch time looks like the other epoch unit, naming the first and the
     * time format to check, or null when there were none. Such records are processed as they are.
     */
    String wrongUnitSummary() {
        if (wrongUnitTimes == 0) {
            return null;
        }
        String records = wrongUnitTimes == 1 ? "1 record has" : wrongUnitTimes + " records have";
        String otherUnit = epochSeconds ? "epoch_ms" : "epoch";
        String processed = wrongUnitTimes == 1 ? "it was" : "they were";
        return records + " a time field [" + timeField + "] that looks like " + otherUnit + " (first: ["
                + firstWrongUnitTime + "]) in time_format [" + timeFormat + "]; " + processed + " processed as "
                + timeFormat + ", so check the job's time_format";
    }

    /** Counts a malformed record, for the {@code reason} that {@link #malformedSummary} gives for the first. */
    void malformed(String reason) {
        if (malformedRecords++ == 0) {
            firstMalformedRecord = recordsRead + malformedRecords;
            firstMalformedReason = reason;
        }
        batch.countMalformedRecord();
    }

    /**
     * Returns a sentence on the records skipped as malformed, naming the first by its position in the request and
     * why it was skipped, or null when there were none.
     */
    String malformedSummary() {
        if (malformedRecords == 0) {
            return null;
        }
        String records = malformedRecords == 1 ? "1 record" : malformedRecords + " records";
        return records + " skipped as malformed (first: record " + firstMalformedRecord + " of the request, because "
                + firstMalformedReason + "); send each record as one JSON object per line, or one CSV row per line";
    }

    /**
     * Returns a sentence on the analysis field values that were missing or not numbers where a metric function reads
     * one, naming the first field, its value and its record, or null when there were none.
     */
    String missingFieldSummary() {
        if (missingFields == 0) {
            return null;
        }
        String values =
                missingFields == 1 ? "1 analysis field value was" : missingFields + " analysis field values were";
        String value = firstMissingValue == null ? "absent" : "[" + quoted(firstMissingValue) + "]";
        return values + " missing or not a number where a metric function reads one (first: field ["
                + firstMissingField + "] in record " + firstMissingRecord + " of the request was " + value
                + "); the analysis skips such values, so send each analysed field, with a number for a metric field";
    }

    /** Returns the number of records read so far, malformed ones excluded. */
    long recordsRead() {
        return recordsRead;
    }

    /** Sends the last partial batch, with the bytes read since the previous one. */
    void flush() {
        batch.countInputBytes(body.count() - bytesSent);
        bytesSent = body.count();
        if (!batch.isEmpty()) {
            upload.send(batch);
            batch = new RecordBatch(BATCH_SIZE);
        }
    }

    private void sendIfFull() {
        if (batch.isFull()) {
            flush();
        }
    }
}
