package io.vigil.engine;

/**
 * Memory use of a job's models as reported in {@code model_size_stats}: bytes, series counts and the memory status
 * ({@code ok}, {@code soft_limit} or {@code hard_limit}).
 */
public record ModelSizeStats(
        long modelBytes,
        long modelBytesMemoryLimit,
        long totalByFieldCount,
        long totalOverFieldCount,
        long totalPartitionFieldCount,
        long bucketAllocationFailuresCount,
        String memoryStatus) {

    public static ModelSizeStats empty(long memoryLimitBytes) {
        return new ModelSizeStats(0, memoryLimitBytes, 0, 0, 0, 0, "ok");
    }
}
