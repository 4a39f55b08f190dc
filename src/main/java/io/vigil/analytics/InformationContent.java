package io.vigil.analytics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.Deflater;

/**
 * The information content of a set of strings, estimated as the size in bytes of their DEFLATE compression (raw
 * format of RFC 1951, best compression). A compressor's output length is an upper bound of the strings'
 * algorithmic information content: repetitive values such as usual host names compress well, while encoded data
 * and generated domain names stay close to their length. The strings are sorted and joined by newlines first, so
 * the estimate does not depend on the order in which they arrived.
 */
public final class InformationContent {

    private InformationContent() {}

    /** Returns the compressed size of {@code values} in bytes; 0 for an empty set. */
    public static double bytesOf(Collection<String> values) {
        if (values.isEmpty()) {
            return 0.0;
        }
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(null);
        byte[] input = String.join("\n", sorted).getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(input);
            deflater.finish();
            byte[] buffer = new byte[Math.max(64, input.length + 64)];
            long size = 0;
            while (!deflater.finished()) {
                size += deflater.deflate(buffer);
            }
            return size;
        } finally {
            deflater.end();
        }
    }
}
