package io.vigil.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The series of one detector, looked up by their raw partition and by values without building a combined key, and
 * listed in creation order.
 */
final class SeriesRegistry {

    private final boolean hasPartition;
    private final boolean hasBy;
    private final Map<String, Series> byOneValue = new HashMap<>();
    private final Map<String, Map<String, Series>> byPartitionThenBy = new HashMap<>();
    private final List<Series> all = new ArrayList<>();
    private Series single;
    private int nextOrdinal;

    SeriesRegistry(boolean hasPartition, boolean hasBy) {
        this.hasPartition = hasPartition;
        this.hasBy = hasBy;
    }

    /** Returns the series of the values, or null when it does not exist yet. */
    Series find(String partitionValue, String byValue) {
        if (hasPartition && hasBy) {
            Map<String, Series> byBy = byPartitionThenBy.get(partitionValue);
            return byBy == null ? null : byBy.get(byValue);
        }
        if (hasPartition) {
            return byOneValue.get(partitionValue);
        }
        if (hasBy) {
            return byOneValue.get(byValue);
        }
        return single;
    }

    /** Returns the ordinal the next added series gets. */
    int nextOrdinal() {
        return nextOrdinal;
    }

    /** Adds a series whose values are not registered yet. */
    void add(Series series) {
        if (hasPartition && hasBy) {
            byPartitionThenBy
                    .computeIfAbsent(series.partitionValue(), ignored -> new HashMap<>())
                    .put(series.byValue(), series);
        } else if (hasPartition) {
            byOneValue.put(series.partitionValue(), series);
        } else if (hasBy) {
            byOneValue.put(series.byValue(), series);
        } else {
            single = series;
        }
        all.add(series);
        nextOrdinal = Math.max(nextOrdinal, series.ordinal() + 1);
    }

    /** Returns every series in creation order; callers must not change the list. */
    List<Series> all() {
        return all;
    }

    /** Sets the ordinal of the next series, as it was when the registry's state was written. */
    void restoreNextOrdinal(int ordinal) {
        nextOrdinal = Math.max(nextOrdinal, ordinal);
    }

    /** Removes the series matching {@code condition} and returns how many were removed. */
    int removeIf(Predicate<Series> condition) {
        int removed = 0;
        Iterator<Series> iterator = all.iterator();
        while (iterator.hasNext()) {
            Series series = iterator.next();
            if (condition.test(series)) {
                iterator.remove();
                unregister(series);
                removed++;
            }
        }
        return removed;
    }

    /** Removes every series. */
    void clear() {
        byOneValue.clear();
        byPartitionThenBy.clear();
        all.clear();
        single = null;
        nextOrdinal = 0;
    }

    /** Returns the number of distinct by values, counted per partition. */
    long byValueCount() {
        return hasBy ? all.size() : 0;
    }

    /** Returns the number of distinct partition values. */
    long partitionValueCount() {
        if (!hasPartition) {
            return 0;
        }
        return hasBy ? byPartitionThenBy.size() : byOneValue.size();
    }

    private void unregister(Series series) {
        if (hasPartition && hasBy) {
            Map<String, Series> byBy = byPartitionThenBy.get(series.partitionValue());
            byBy.remove(series.byValue());
            if (byBy.isEmpty()) {
                byPartitionThenBy.remove(series.partitionValue());
            }
        } else if (hasPartition) {
            byOneValue.remove(series.partitionValue());
        } else if (hasBy) {
            byOneValue.remove(series.byValue());
        } else {
            single = null;
        }
    }
}
