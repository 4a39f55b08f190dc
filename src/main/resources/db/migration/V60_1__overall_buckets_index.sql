-- Overall buckets read the score and interim flag of every bucket of the selected jobs in a time range; with them
-- in the index the reads are index-only scans instead of visits to the table.
CREATE INDEX buckets_job_time_scores_idx ON buckets (job_id, timestamp) INCLUDE (anomaly_score, is_interim);
