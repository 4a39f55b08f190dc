package io.vigil.renormalization;

import io.vigil.scoring.Normalizers;

/**
 * A request to rescore a job's stored final results with timestamps in {@code [windowStartMs, windowEndMs)}.
 *
 * @param normalizers an independent copy of the job's normalizers as of {@code windowEndMs}; the renormalizer reads
 *     it from its own thread
 * @param windowEndMs end of the last finalized bucket the normalizers learned from; later results were scored with
 *     newer normalizers and are left alone
 * @param bucketSpanMs the job's bucket span, which sizes the slices of buckets read at a time
 */
public record RenormalizationRequest(Normalizers normalizers, long windowStartMs, long windowEndMs, long bucketSpanMs) {

    /**
     * Returns the request that replaces this pending one and a newer one: the newer normalizers win, and the window
     * reaches back to the earlier start, so that no result either request covered is skipped.
     */
    RenormalizationRequest coalesce(RenormalizationRequest newer) {
        return new RenormalizationRequest(
                newer.normalizers,
                Math.min(windowStartMs, newer.windowStartMs),
                Math.max(windowEndMs, newer.windowEndMs),
                newer.bucketSpanMs);
    }
}
