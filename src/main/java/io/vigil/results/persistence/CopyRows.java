package io.vigil.results.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Rows of one table in PostgreSQL's COPY text format, buffered and sent with {@code COPY ... FROM STDIN} whenever
 * the buffer passes {@link #FLUSH_CHARS}. Only one COPY can run on a connection at a time, so each table of a batch
 * buffers its own rows and sends them in turn.
 */
final class CopyRows {

    /** About 8 MB of UTF-16 text per table: large enough that COPY overhead vanishes, small enough for many tables. */
    static final int FLUSH_CHARS = 4 * 1024 * 1024;

    private final String copySql;
    private final StringBuilder buffer = new StringBuilder();
    private boolean rowStarted;
    private long rowCount;

    CopyRows(String table, String columns) {
        this.copySql = "COPY " + table + " (" + columns + ") FROM STDIN";
    }

    CopyRows add(String value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    CopyRows add(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    CopyRows add(double value) {
        separate();
        buffer.append(value);
        return this;
    }

    CopyRows add(Double value) {
        return value == null ? add((String) null) : add(value.doubleValue());
    }

    CopyRows add(boolean value) {
        separate();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    /** Adds a sequence number and then each of {@code values}, which are strings, numbers, booleans or null. */
    CopyRows add(long seq, Object[] values) {
        add(seq);
        for (Object value : values) {
            if (value == null || value instanceof String) {
                add((String) value);
            } else if (value instanceof Double number) {
                add(number.doubleValue());
            } else if (value instanceof Number number) {
                add(number.longValue());
            } else if (value instanceof Boolean flag) {
                add(flag.booleanValue());
            } else {
                throw new IllegalArgumentException("Unsupported column value type " + value.getClass());
            }
        }
        return this;
    }

    /** Ends the current row and sends the buffer when it is full. */
    void endRow(Connection connection) {
        buffer.append('\n');
        rowStarted = false;
        rowCount++;
        if (buffer.length() >= FLUSH_CHARS) {
            flush(connection);
        }
    }

    long rowCount() {
        return rowCount;
    }

    void flush(Connection connection) {
        if (buffer.isEmpty()) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(buffer.toString()));
        } catch (SQLException e) {
            throw new UncategorizedSQLException("stage results", copySql, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.setLength(0);
    }

    private void separate() {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
    }
}
