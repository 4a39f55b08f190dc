package io.vigil.ingest;

import io.vigil.common.DateParser;
import io.vigil.common.VigilException;
import java.util.Optional;

/**
 * The buckets a {@code _data} request resets before its records are processed, from its {@code reset_start} and
 * {@code reset_end} parameters, in epoch milliseconds with {@code endMs} exclusive. The buckets that overlap the range
 * are reset.
 */
record ResetRange(long startMs, long endMs) {

    private static final long SECOND_MS = 1000L;

    /**
     * Parses the parameters, either of which may be null, and returns empty when neither is given. Both times are
     * truncated to whole seconds. A missing {@code reset_end}, or one equal to {@code reset_start}, becomes one second
     * after {@code reset_start}, so the bucket that contains {@code reset_start} is reset. Elasticsearch's post-data
     * endpoint does the same (class {@code TimeRange} of its ML plugin).
     *
     * @throws VigilException 400 {@code parse_exception} for a value that is not a date, and 400 when
     *     {@code reset_end} is earlier than {@code reset_start} or is given without it
     */
    static Optional<ResetRange> parse(String resetStart, String resetEnd, DateParser dates) {
        Long startSeconds = resetStart == null ? null : seconds(dates.parseFlushDate("reset_start", resetStart));
        Long endSeconds = resetEnd == null ? null : seconds(dates.parseFlushDate("reset_end", resetEnd));
        if (startSeconds == null) {
            if (endSeconds != null) {
                throw VigilException.badRequest("Parameter [reset_end] with value [" + resetEnd + "] requires "
                        + "[reset_start]; send [reset_start] with the first time to reset, or leave out [reset_end]");
            }
            return Optional.empty();
        }
        if (endSeconds == null || endSeconds.equals(startSeconds)) {
            endSeconds = startSeconds + 1;
        }
        if (endSeconds < startSeconds) {
            throw VigilException.badRequest("Parameter [reset_end] with value [" + resetEnd + "] is earlier than "
                    + "[reset_start] with value [" + resetStart + "]; send a [reset_end] at or after [reset_start]");
        }
        return Optional.of(new ResetRange(startSeconds * SECOND_MS, endSeconds * SECOND_MS));
    }

    private static long seconds(long epochMs) {
        return Math.floorDiv(epochMs, SECOND_MS);
    }
}
