package io.vigil.categorization;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The binary form of a job's categorization state in model snapshots. Maps are written in sorted order, so writing
 * a restored state gives the same bytes again.
 */
final class CategorizerState {

    static final int FORMAT_VERSION = 1;

    private CategorizerState() {}

    static void write(DataOutput out, long nextCategoryId, Collection<Partition> partitions) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeLong(nextCategoryId);
        out.writeInt(partitions.size());
        for (Partition partition : partitions) {
            writeNullableString(out, partition.value);
            out.writeLong(partition.categorizedCount);
            out.writeLong(partition.failedCount);
            writeVocabulary(out, partition.categorizer.vocabulary());
            writeCategories(out, partition.categorizer);
        }
    }

    /** Reads a state, creating each partition through {@code partitions}, and returns the next category id. */
    static long read(DataInput in, Function<String, Partition> partitions) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException(
                    "Unsupported categorization state format " + version + "; expected " + FORMAT_VERSION);
        }
        long nextCategoryId = in.readLong();
        int partitionCount = in.readInt();
        for (int i = 0; i < partitionCount; i++) {
            Partition partition = partitions.apply(readNullableString(in));
            partition.categorizedCount = in.readLong();
            partition.failedCount = in.readLong();
            readVocabulary(in, partition.categorizer.vocabulary());
            readCategories(in, partition.categorizer);
        }
        return nextCategoryId;
    }

    private static void writeVocabulary(DataOutput out, TokenVocabulary vocabulary) throws IOException {
        out.writeInt(vocabulary.size());
        for (int id = 1; id <= vocabulary.size(); id++) {
            writeString(out, vocabulary.word(id));
            out.writeInt(vocabulary.messageCount(id));
            out.writeBoolean(vocabulary.isVariableValue(id));
        }
        Map<Integer, Map<Integer, Integer>> successors = new TreeMap<>(vocabulary.successors());
        out.writeInt(successors.size());
        for (Map.Entry<Integer, Map<Integer, Integer>> entry : successors.entrySet()) {
            out.writeInt(entry.getKey());
            Map<Integer, Integer> next = new TreeMap<>(entry.getValue());
            out.writeInt(next.size());
            for (Map.Entry<Integer, Integer> successor : next.entrySet()) {
                out.writeInt(successor.getKey());
                out.writeInt(successor.getValue());
            }
        }
    }

    private static void readVocabulary(DataInput in, TokenVocabulary vocabulary) throws IOException {
        int size = in.readInt();
        for (int id = 1; id <= size; id++) {
            int assigned = vocabulary.idOf(readString(in));
            if (assigned != id) {
                throw new IOException("Corrupt categorization state: word " + id + " was read as id " + assigned);
            }
            vocabulary.restore(id, in.readInt(), in.readBoolean());
        }
        int words = in.readInt();
        for (int i = 0; i < words; i++) {
            int id = in.readInt();
            int count = in.readInt();
            Map<Integer, Integer> next = vocabulary.successors().computeIfAbsent(id, key -> new HashMap<>());
            for (int j = 0; j < count; j++) {
                next.put(in.readInt(), in.readInt());
            }
        }
    }

    private static void writeCategories(DataOutput out, Categorizer categorizer) throws IOException {
        List<Category> categories = categorizer.categories();
        out.writeInt(categories.size());
        Map<Category, Integer> indexes = new IdentityHashMap<>();
        for (Category category : categories) {
            indexes.put(category, indexes.size());
            out.writeLong(category.id);
            writeInts(out, category.template);
            out.writeInt(category.baseMessageBytes);
            out.writeLong(category.numMatches);
            out.writeInt(category.maxMessageBytes);
            out.writeBoolean(category.changed);
            out.writeInt(category.examples.size());
            for (String example : category.examples) {
                writeString(out, example);
            }
        }
        List<Map.Entry<SymbolKey, Category>> entries =
                new ArrayList<>(categorizer.symbolIndex().entrySet());
        entries.sort(Comparator.comparing(
                (Map.Entry<SymbolKey, Category> entry) -> entry.getKey().symbols(), Arrays::compare));
        out.writeInt(entries.size());
        for (Map.Entry<SymbolKey, Category> entry : entries) {
            writeInts(out, entry.getKey().symbols());
            out.writeInt(indexes.get(entry.getValue()));
        }
    }

    private static void readCategories(DataInput in, Categorizer categorizer) throws IOException {
        int count = in.readInt();
        List<Category> categories = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Category category = new Category(in.readLong(), readInts(in), in.readInt());
            category.numMatches = in.readLong();
            category.maxMessageBytes = in.readInt();
            category.changed = in.readBoolean();
            int examples = in.readInt();
            for (int j = 0; j < examples; j++) {
                category.examples.add(readString(in));
            }
            categorizer.restore(category);
            categories.add(category);
        }
        int entries = in.readInt();
        for (int i = 0; i < entries; i++) {
            int[] symbols = readInts(in);
            categorizer.symbolIndex().put(new SymbolKey(symbols), categories.get(in.readInt()));
        }
    }

    private static void writeInts(DataOutput out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int value : values) {
            out.writeInt(value);
        }
    }

    private static int[] readInts(DataInput in) throws IOException {
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    /** Writes a string as its UTF-8 length and bytes; unlike {@code writeUTF} it has no 64 KB limit. */
    private static void writeString(DataOutput out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeNullableString(DataOutput out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writeString(out, value);
        }
    }

    private static String readNullableString(DataInput in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }
}
