-- Exact result counts per job and result type, so that a results request without filters reads its total hits
-- from one row instead of counting up to millions of rows. Triggers keep the counts, so every writer (import,
-- ingestion, renormalization, job deletion) keeps them right without knowing about this table.
CREATE TABLE result_counts (
    job_id       text   NOT NULL,
    -- bucket, record or influencer
    result_type  text   NOT NULL,
    total        bigint NOT NULL DEFAULT 0,
    interim      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, result_type)
);

-- Statement-level triggers see all rows of a bulk insert or delete at once (COPY included), so a million-row
-- import updates each counter row once per statement instead of once per row.
CREATE FUNCTION result_counts_add_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO result_counts AS c (job_id, result_type, total, interim)
    SELECT job_id, TG_ARGV[0], count(*), count(*) FILTER (WHERE is_interim)
    FROM inserted_rows
    GROUP BY job_id
    ON CONFLICT (job_id, result_type) DO UPDATE
        SET total = c.total + excluded.total, interim = c.interim + excluded.interim;
    RETURN NULL;
END
$$;

CREATE FUNCTION result_counts_subtract_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE result_counts AS c
    SET total = c.total - d.total, interim = c.interim - d.interim
    FROM (SELECT job_id, count(*) AS total, count(*) FILTER (WHERE is_interim) AS interim
          FROM deleted_rows
          GROUP BY job_id) AS d
    WHERE c.job_id = d.job_id AND c.result_type = TG_ARGV[0];
    RETURN NULL;
END
$$;

-- Updates rarely change is_interim or job_id (a final result replacing an interim one does), so a row-level
-- trigger with a WHEN condition costs nothing for score updates such as renormalization.
CREATE FUNCTION result_counts_move_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE result_counts
    SET total = total - 1, interim = interim - (CASE WHEN OLD.is_interim THEN 1 ELSE 0 END)
    WHERE job_id = OLD.job_id AND result_type = TG_ARGV[0];
    INSERT INTO result_counts AS c (job_id, result_type, total, interim)
    VALUES (NEW.job_id, TG_ARGV[0], 1, CASE WHEN NEW.is_interim THEN 1 ELSE 0 END)
    ON CONFLICT (job_id, result_type) DO UPDATE
        SET total = c.total + excluded.total, interim = c.interim + excluded.interim;
    RETURN NULL;
END
$$;

CREATE FUNCTION result_counts_clear_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM result_counts WHERE result_type = TG_ARGV[0];
    RETURN NULL;
END
$$;

CREATE TRIGGER buckets_count_inserted AFTER INSERT ON buckets
    REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION result_counts_add_inserted('bucket');
CREATE TRIGGER buckets_count_deleted AFTER DELETE ON buckets
    REFERENCING OLD TABLE AS deleted_rows FOR EACH STATEMENT
    EXECUTE FUNCTION result_counts_subtract_deleted('bucket');
CREATE TRIGGER buckets_count_updated AFTER UPDATE OF is_interim, job_id ON buckets FOR EACH ROW
    WHEN (OLD.is_interim IS DISTINCT FROM NEW.is_interim OR OLD.job_id IS DISTINCT FROM NEW.job_id)
    EXECUTE FUNCTION result_counts_move_updated('bucket');
CREATE TRIGGER buckets_count_truncated AFTER TRUNCATE ON buckets
    FOR EACH STATEMENT EXECUTE FUNCTION result_counts_clear_truncated('bucket');

CREATE TRIGGER records_count_inserted AFTER INSERT ON records
    REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION result_counts_add_inserted('record');
CREATE TRIGGER records_count_deleted AFTER DELETE ON records
    REFERENCING OLD TABLE AS deleted_rows FOR EACH STATEMENT
    EXECUTE FUNCTION result_counts_subtract_deleted('record');
CREATE TRIGGER records_count_updated AFTER UPDATE OF is_interim, job_id ON records FOR EACH ROW
    WHEN (OLD.is_interim IS DISTINCT FROM NEW.is_interim OR OLD.job_id IS DISTINCT FROM NEW.job_id)
    EXECUTE FUNCTION result_counts_move_updated('record');
CREATE TRIGGER records_count_truncated AFTER TRUNCATE ON records
    FOR EACH STATEMENT EXECUTE FUNCTION result_counts_clear_truncated('record');

CREATE TRIGGER influencers_count_inserted AFTER INSERT ON influencers
    REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT
    EXECUTE FUNCTION result_counts_add_inserted('influencer');
CREATE TRIGGER influencers_count_deleted AFTER DELETE ON influencers
    REFERENCING OLD TABLE AS deleted_rows FOR EACH STATEMENT
    EXECUTE FUNCTION result_counts_subtract_deleted('influencer');
CREATE TRIGGER influencers_count_updated AFTER UPDATE OF is_interim, job_id ON influencers FOR EACH ROW
    WHEN (OLD.is_interim IS DISTINCT FROM NEW.is_interim OR OLD.job_id IS DISTINCT FROM NEW.job_id)
    EXECUTE FUNCTION result_counts_move_updated('influencer');
CREATE TRIGGER influencers_count_truncated AFTER TRUNCATE ON influencers
    FOR EACH STATEMENT EXECUTE FUNCTION result_counts_clear_truncated('influencer');

-- Results written before this migration.
INSERT INTO result_counts (job_id, result_type, total, interim)
SELECT job_id, 'bucket', count(*), count(*) FILTER (WHERE is_interim) FROM buckets GROUP BY job_id
UNION ALL
SELECT job_id, 'record', count(*), count(*) FILTER (WHERE is_interim) FROM records GROUP BY job_id
UNION ALL
SELECT job_id, 'influencer', count(*), count(*) FILTER (WHERE is_interim) FROM influencers GROUP BY job_id;

-- Records sort missing values last in both directions, but a DESC index column puts NULLs first, so the first
-- index could not serve the default order (record_score, then over, partition and by values, field name and
-- function, all descending). This one matches it column for column; the trailing id breaks the remaining ties in
-- write order, so pages never overlap.
DROP INDEX records_score_idx;
CREATE INDEX records_score_idx ON records (job_id, record_score DESC, over_field_value DESC NULLS LAST,
    partition_field_value DESC NULLS LAST, by_field_value DESC NULLS LAST, field_name DESC NULLS LAST,
    function DESC NULLS LAST, id);

-- Bucket influencers are returned in the order they were written, as the bucket document listed them.
ALTER TABLE bucket_influencers ADD COLUMN position integer NOT NULL DEFAULT 0;
