package io.vigil.renormalization;

/**
 * SQL that finds a bucket's stored first occurrence records, those flagged {@code by_field_first_occurrence} in
 * their explanation. A bucket influencer or influencer that such a record names is rescored like the record: from
 * at most the record's probability and at least its score, as the processor scored it.
 */
final class FirstOccurrenceRecords {

    /** The condition on a record {@code r} that it is a final first occurrence record. */
    static final String CONDITION =
            "NOT r.is_interim" + " AND r.document #>> '{anomaly_score_explanation,by_field_first_occurrence}' = 'true'";

    /**
     * A left lateral join, aliased {@code f}, of the first occurrence records that list the value of an influencer
     * row of {@code influencers}. It yields {@code first_occurrence_probability}, their smallest probability, and
     * {@code first_occurrence_score}, their largest record score, both null when there is no such record.
     */
    static final String INFLUENCER_JOIN =
            " LEFT JOIN LATERAL (SELECT min(r.probability) AS first_occurrence_probability,"
                    + " max(r.record_score) AS first_occurrence_score FROM records r"
                    + " WHERE r.job_id = influencers.job_id AND r.timestamp = influencers.timestamp AND " + CONDITION
                    + " AND r.document -> 'influencers' @> jsonb_build_array(jsonb_build_object("
                    + "'influencer_field_name', influencers.influencer_field_name,"
                    + " 'influencer_field_values', jsonb_build_array(influencers.influencer_field_value)))) f ON true";

    private FirstOccurrenceRecords() {}
}
