package io.vigil.process;

/**
 * A validated flush request. Times are epoch milliseconds, null when not given: interim results are calculated for
 * the open buckets from {@code start} (inclusive) to {@code end} (exclusive); time is skipped to {@code skipTime},
 * then advanced to {@code advanceTime}.
 */
public record FlushParams(boolean calcInterim, Long start, Long end, Long advanceTime, Long skipTime) {}
