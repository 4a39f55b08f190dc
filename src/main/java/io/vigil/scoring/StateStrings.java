package io.vigil.scoring;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes and reads nullable strings of any length in binary state, as a length (-1 for null) and UTF-8 bytes;
 * {@link DataOutput#writeUTF} cannot store null or strings over 64 KB.
 */
public final class StateStrings {

    private StateStrings() {}

    public static void write(DataOutput out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String read(DataInput in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < -1) {
            throw new IOException("invalid string length " + length + " in state");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
