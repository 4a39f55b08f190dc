package io.vigil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into blocks of complete lines without decoding it: each block ends just after a {@code \n},
 * or at the end of the stream. A line longer than {@link #MAX_LINE_BYTES} is skipped and reported as too long, which
 * bounds the memory a request uses.
 */
final class LineBlocks {

    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private static final int INITIAL_BUFFER_BYTES = 64 * 1024;

    private final InputStream in;
    private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
    private int filled;
    private int blockStart;
    private int blockEnd;
    private boolean tooLong;
    private boolean endOfInput;

    LineBlocks(InputStream in) {
        this.in = in;
    }

    /** Moves to the next block; returns false at the end of the stream. */
    boolean next() throws IOException {
        blockStart = blockEnd;
        tooLong = false;
        while (true) {
            int lastNewline = lastNewline();
            if (lastNewline >= 0) {
                blockEnd = lastNewline + 1;
                return true;
            }
            if (endOfInput) {
                if (blockStart >= filled) {
                    return false;
                }
                blockEnd = filled;
                return true;
            }
            compact();
            if (filled >= MAX_LINE_BYTES) {
                skipRestOfLine();
                return true;
            }
            fill();
        }
    }

    boolean tooLong() {
        return tooLong;
    }

    byte[] bytes() {
        return buffer;
    }

    int start() {
        return blockStart;
    }

    int length() {
        return blockEnd - blockStart;
    }

    private int lastNewline() {
        for (int i = filled - 1; i >= blockStart; i--) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Moves the unread bytes to the start of the buffer, growing it when they fill it. */
    private void compact() {
        if (blockStart > 0) {
            System.arraycopy(buffer, blockStart, buffer, 0, filled - blockStart);
            filled -= blockStart;
            blockStart = 0;
            blockEnd = 0;
        }
        if (filled == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_LINE_BYTES));
        }
    }

    private void fill() throws IOException {
        int read = in.read(buffer, filled, buffer.length - filled);
        if (read < 0) {
            endOfInput = true;
        } else {
            filled += read;
        }
    }

    /** Discards the too-long line up to its newline, keeping what follows it. */
    private void skipRestOfLine() throws IOException {
        tooLong = true;
        filled = 0;
        blockStart = 0;
        blockEnd = 0;
        while (!endOfInput) {
            int read = in.read(buffer, 0, buffer.length);
            if (read < 0) {
                endOfInput = true;
                return;
            }
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    System.arraycopy(buffer, i + 1, buffer, 0, read - i - 1);
                    filled = read - i - 1;
                    return;
                }
            }
        }
    }
}
