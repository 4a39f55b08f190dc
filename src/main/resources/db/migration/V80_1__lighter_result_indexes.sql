-- Renormalization writes a new row version for every score it changes, and each new version needs an entry in
-- every btree index of its table. Each index of records and influencers therefore costs on every rescored result.

-- The unique keys of records and influencers start with (job_id, timestamp), so they serve every read by job and
-- time range, and the separate time indexes are not needed.
DROP INDEX records_timestamp_idx;
DROP INDEX influencers_timestamp_idx;

-- changed_since reads ask for results scored after a recent time. Rows written or rewritten lately mostly sit in
-- pages filled lately, so a BRIN summary of scored_at per block range narrows the scan to them, at almost no cost
-- per written row. Where a vacuum lets new versions fill older pages, more ranges match and the read scans more.
DROP INDEX records_scored_at_idx;
DROP INDEX influencers_scored_at_idx;
DROP INDEX buckets_scored_at_idx;
CREATE INDEX records_scored_at_idx ON records USING brin (scored_at);
CREATE INDEX influencers_scored_at_idx ON influencers USING brin (scored_at);
CREATE INDEX buckets_scored_at_idx ON buckets USING brin (scored_at);

-- The records' default order breaks record_score ties by five text columns. With them in the index, entries were
-- long and each insertion compared text under the database collation. The score alone now orders the index, and an
-- incremental sort orders each run of equal scores by the other columns.
DROP INDEX records_score_idx;
CREATE INDEX records_score_idx ON records (job_id, record_score DESC);
