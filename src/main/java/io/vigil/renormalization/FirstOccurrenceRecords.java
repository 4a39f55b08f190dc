package io.vigil.renormalization;

/**
 * SQL that finds a bucket's stored first occurrence records, those flagged {@code by_field_first_occurrence} in
 * their explanation. A bucket influencer or influencer that such a record names is rescored like the record: from
 * at most the record's probability and at least its score, as the processor scored it.
 *
 * <p>Each query reads the flag once per record of its time range and groups the flagged records by what they name,
 * so that the result joins to the influencer rows by equality. A lateral join per influencer row would read every
 * record of the bucket again for each influencer of the bucket: 126 ms instead of 68 ms for a page of 10,000
 * influencers over 50,000 records in {@code EXPLAIN ANALYZE}.
 */
final class FirstOccurrenceRecords {

    /** The condition on a record {@code r} that it is a final first occurrence record. */
    static final String CONDITION =
            "NOT r.is_interim" + " AND r.document #>> '{anomaly_score_explanation,by_field_first_occurrence}' = 'true'";

    private FirstOccurrenceRecords() {}

    /**
     * Returns a query of the first occurrence records of one job from timestamp {@code from} to {@code to}, both
     * included and given as SQL expressions, grouped by bucket timestamp and the influencer field name and value
     * that they list. Its columns are {@code timestamp}, {@code influencer_field_name}, {@code
     * influencer_field_value}, {@code first_occurrence_probability} (the smallest probability) and {@code
     * first_occurrence_score} (the largest record score). It has one parameter, the job id.
     */
    static String byInfluencerValue(String from, String to) {
        return """
                SELECT r.timestamp, i ->> 'influencer_field_name' AS influencer_field_name,
                    v.value AS influencer_field_value, min(r.probability) AS first_occurrence_probability,
                    max(r.record_score) AS first_occurrence_score
                FROM records r
                CROSS JOIN LATERAL jsonb_array_elements(r.document -> 'influencers') AS i
                CROSS JOIN LATERAL jsonb_array_elements_text(i -> 'influencer_field_values') AS v(value)
                WHERE r.job_id = ? AND r.timestamp >= %s AND r.timestamp <= %s AND %s
                GROUP BY 1, 2, 3
                """.formatted(from, to, CONDITION);
    }

    /**
     * Returns a query of the first occurrence records of one job from timestamp {@code from} (included) to {@code
     * to} (excluded), grouped by bucket timestamp and the influencer field names that they list, with one more group
     * per bucket named {@code bucket_time} for all of them. Its columns are {@code timestamp}, {@code
     * influencer_field_name}, {@code first_occurrence_probability} and {@code first_occurrence_score}. Its
     * parameters are the job id, {@code from} and {@code to}.
     */
    static String byInfluencerField() {
        return """
                WITH firsts AS MATERIALIZED (
                    SELECT r.timestamp, r.probability, r.record_score, r.document -> 'influencers' AS influencers
                    FROM records r
                    WHERE r.job_id = ? AND r.timestamp >= ? AND r.timestamp < ? AND %s
                )
                SELECT f.timestamp, i ->> 'influencer_field_name' AS influencer_field_name,
                    min(f.probability) AS first_occurrence_probability,
                    max(f.record_score) AS first_occurrence_score
                FROM firsts f CROSS JOIN LATERAL jsonb_array_elements(f.influencers) AS i
                GROUP BY 1, 2
                UNION ALL
                SELECT f.timestamp, 'bucket_time', min(f.probability), max(f.record_score)
                FROM firsts f
                GROUP BY 1
                """.formatted(CONDITION);
    }
}
