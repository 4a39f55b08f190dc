-- Overall buckets need, per job and interval, whether the job has a bucket there and the maximum bucket score. In a
-- running job most scores are 0, so the maxima come from the few non-zero buckets through a partial index. Presence
-- comes from runs: maximal sequences of final buckets of one job that follow each other at a fixed stride (the
-- bucket span). A job that writes a bucket every interval has one run per day instead of one row per bucket.
-- A run never crosses a UTC day boundary, so a query over [from, to) finds every run that overlaps it among the runs
-- that start in [floor(from, 1 day), to), and a write rebuilds only the runs of the days it touched.
-- Interim buckets are left out of runs: they are few (the latest bucket of a running job) and are read from the
-- buckets table through their own partial index, which also serves exclude_interim.
CREATE TABLE bucket_runs (
    job_id           text   NOT NULL,
    -- Epoch ms of the first and the last bucket of the run.
    first_timestamp  bigint NOT NULL,
    last_timestamp   bigint NOT NULL,
    -- Milliseconds between consecutive buckets of the run: the bucket_span of its buckets.
    stride           bigint NOT NULL,
    PRIMARY KEY (job_id, first_timestamp)
);

CREATE INDEX buckets_non_zero_idx ON buckets (job_id, timestamp) INCLUDE (anomaly_score, is_interim)
    WHERE anomaly_score > 0;
CREATE INDEX buckets_interim_idx ON buckets (job_id, timestamp) WHERE is_interim;

-- Reads on the runs and the two partial indexes replace the full covering index.
DROP INDEX buckets_job_time_scores_idx;

-- floor(ts, 1 day) that also holds for negative epoch milliseconds.
CREATE FUNCTION floor_day(ts bigint) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ts - (((ts % 86400000) + 86400000) % 86400000);

-- Replaces the runs of one job in the UTC days [first_day, last_day] (epoch ms of their starts) by runs computed
-- from the final buckets stored in those days. A new run starts where the gap to the previous bucket of the same
-- span differs from the span, or where a day starts. The advisory lock serializes rebuilds of one job, so that a
-- rebuild waits for a concurrent writer of the same job to commit and then reads its buckets and runs.
CREATE FUNCTION bucket_runs_rebuild(rebuilt_job text, first_day bigint, last_day bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('bucket_runs'), hashtext(rebuilt_job));
    DELETE FROM bucket_runs
    WHERE job_id = rebuilt_job AND first_timestamp >= first_day AND first_timestamp < last_day + 86400000;

    INSERT INTO bucket_runs (job_id, first_timestamp, last_timestamp, stride)
    SELECT rebuilt_job, min(timestamp), max(timestamp), stride
    FROM (SELECT timestamp, stride, sum(starts_run) OVER (ORDER BY stride, timestamp) AS run
          FROM (SELECT timestamp, bucket_span * 1000 AS stride,
                       CASE WHEN timestamp - lag(timestamp) OVER w = bucket_span * 1000
                                 AND floor_day(timestamp) = floor_day(lag(timestamp) OVER w)
                            THEN 0 ELSE 1 END AS starts_run
                FROM buckets
                WHERE job_id = rebuilt_job AND NOT is_interim
                  AND timestamp >= first_day AND timestamp < last_day + 86400000
                WINDOW w AS (PARTITION BY bucket_span ORDER BY timestamp)) AS marked) AS numbered
    GROUP BY run, stride;
END
$$;

-- Statement-level triggers see every row of a bulk write at once, so an import of a year rebuilds each of its
-- job's days once rather than once per bucket.
CREATE FUNCTION bucket_runs_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched record;
BEGIN
    FOR touched IN
        SELECT job_id, floor_day(min(timestamp)) AS first_day, floor_day(max(timestamp)) AS last_day
        FROM changed_rows
        WHERE NOT is_interim
        GROUP BY job_id
        -- Takes the per-job locks in job-id order, so that two statements that each write several jobs do not
        -- deadlock on them.
        ORDER BY job_id
    LOOP
        PERFORM bucket_runs_rebuild(touched.job_id, touched.first_day, touched.last_day);
    END LOOP;
    RETURN NULL;
END
$$;

-- An update changes runs only when a bucket becomes final or interim, or moves. Score updates such as
-- renormalization do not fire this trigger.
CREATE FUNCTION bucket_runs_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT OLD.is_interim THEN
        PERFORM bucket_runs_rebuild(OLD.job_id, floor_day(OLD.timestamp), floor_day(OLD.timestamp));
    END IF;
    IF NOT NEW.is_interim THEN
        PERFORM bucket_runs_rebuild(NEW.job_id, floor_day(NEW.timestamp), floor_day(NEW.timestamp));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION bucket_runs_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE bucket_runs;
    RETURN NULL;
END
$$;

CREATE TRIGGER buckets_runs_inserted AFTER INSERT ON buckets
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bucket_runs_after_write();
CREATE TRIGGER buckets_runs_deleted AFTER DELETE ON buckets
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bucket_runs_after_write();
CREATE TRIGGER buckets_runs_updated AFTER UPDATE OF is_interim, job_id, timestamp, bucket_span ON buckets
    FOR EACH ROW
    WHEN (OLD.is_interim IS DISTINCT FROM NEW.is_interim OR OLD.job_id IS DISTINCT FROM NEW.job_id
          OR OLD.timestamp IS DISTINCT FROM NEW.timestamp OR OLD.bucket_span IS DISTINCT FROM NEW.bucket_span)
    EXECUTE FUNCTION bucket_runs_after_update();
CREATE TRIGGER buckets_runs_truncated AFTER TRUNCATE ON buckets
    FOR EACH STATEMENT EXECUTE FUNCTION bucket_runs_after_truncate();

-- Runs of the buckets stored before this migration.
INSERT INTO bucket_runs (job_id, first_timestamp, last_timestamp, stride)
SELECT job_id, min(timestamp), max(timestamp), stride
FROM (SELECT job_id, timestamp, stride,
             sum(starts_run) OVER (PARTITION BY job_id ORDER BY stride, timestamp) AS run
      FROM (SELECT job_id, timestamp, bucket_span * 1000 AS stride,
                   CASE WHEN timestamp - lag(timestamp) OVER w = bucket_span * 1000
                             AND floor_day(timestamp) = floor_day(lag(timestamp) OVER w)
                        THEN 0 ELSE 1 END AS starts_run
            FROM buckets
            WHERE NOT is_interim
            WINDOW w AS (PARTITION BY job_id, bucket_span ORDER BY timestamp)) AS marked) AS numbered
GROUP BY job_id, run, stride;
