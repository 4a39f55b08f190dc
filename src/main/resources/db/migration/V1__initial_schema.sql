-- Jobs, their running counters, result documents, model snapshots and filters.
-- Timestamps are epoch milliseconds (bigint); bucket_span is seconds, as in the API.
-- scored_at is the server time (epoch ms) at which a result was last written or rescored.

CREATE TABLE jobs (
    job_id          text PRIMARY KEY,
    -- The job configuration exactly as the API returns it, defaults applied.
    config          jsonb   NOT NULL,
    groups          text[]  NOT NULL DEFAULT '{}',
    state           text    NOT NULL DEFAULT 'closed',
    create_time     bigint  NOT NULL,
    finished_time   bigint,
    open_time       bigint,
    node_id         text,
    deleting        boolean NOT NULL DEFAULT false,
    version         bigint  NOT NULL DEFAULT 0
);

CREATE INDEX jobs_groups_idx ON jobs USING gin (groups);

-- Running totals of a job, written in the same transaction as the results of each bucket.
CREATE TABLE job_stats (
    job_id                     text PRIMARY KEY REFERENCES jobs (job_id) ON DELETE CASCADE,
    data_counts                jsonb  NOT NULL DEFAULT '{}',
    model_size_stats           jsonb  NOT NULL DEFAULT '{}',
    timing_stats               jsonb  NOT NULL DEFAULT '{}',
    last_finalized_bucket_end  bigint,
    updated_at                 bigint NOT NULL DEFAULT 0
);

CREATE TABLE buckets (
    job_id                 text    NOT NULL,
    timestamp              bigint  NOT NULL,
    bucket_span            bigint  NOT NULL,
    anomaly_score          double precision NOT NULL DEFAULT 0,
    initial_anomaly_score  double precision NOT NULL DEFAULT 0,
    event_count            bigint  NOT NULL DEFAULT 0,
    is_interim             boolean NOT NULL DEFAULT false,
    processing_time_ms     bigint  NOT NULL DEFAULT 0,
    scheduled_events       jsonb,
    scored_at              bigint  NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, timestamp)
);

CREATE INDEX buckets_score_idx ON buckets (job_id, anomaly_score, timestamp);
CREATE INDEX buckets_scored_at_idx ON buckets (job_id, scored_at);

CREATE TABLE bucket_influencers (
    job_id                 text    NOT NULL,
    timestamp              bigint  NOT NULL,
    influencer_field_name  text    NOT NULL,
    bucket_span            bigint  NOT NULL,
    anomaly_score          double precision NOT NULL DEFAULT 0,
    initial_anomaly_score  double precision NOT NULL DEFAULT 0,
    raw_anomaly_score      double precision NOT NULL DEFAULT 0,
    probability            double precision NOT NULL DEFAULT 1,
    is_interim             boolean NOT NULL DEFAULT false,
    scored_at              bigint  NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, timestamp, influencer_field_name)
);

CREATE TABLE records (
    id                     bigserial PRIMARY KEY,
    job_id                 text    NOT NULL,
    timestamp              bigint  NOT NULL,
    bucket_span            bigint  NOT NULL,
    detector_index         integer NOT NULL,
    -- Identity of the series within the bucket: the by, over and partition values.
    series_key             text    NOT NULL,
    probability            double precision NOT NULL,
    multi_bucket_impact    double precision,
    record_score           double precision NOT NULL DEFAULT 0,
    initial_record_score   double precision NOT NULL DEFAULT 0,
    is_interim             boolean NOT NULL DEFAULT false,
    function               text,
    field_name             text,
    by_field_name          text,
    by_field_value         text,
    partition_field_name   text,
    partition_field_value  text,
    over_field_name        text,
    over_field_value       text,
    scored_at              bigint  NOT NULL DEFAULT 0,
    -- The remaining fields of the record document (typical, actual, causes, influencers, geo_results,
    -- anomaly_score_explanation, function_description, correlated_by_field_value and the dynamic field keys).
    document               jsonb   NOT NULL DEFAULT '{}',
    UNIQUE (job_id, timestamp, detector_index, series_key)
);

CREATE INDEX records_score_idx ON records (job_id, record_score DESC, over_field_value DESC,
    partition_field_value DESC, by_field_value DESC, field_name DESC, function DESC);
CREATE INDEX records_timestamp_idx ON records (job_id, timestamp);
CREATE INDEX records_scored_at_idx ON records (job_id, scored_at);

CREATE TABLE influencers (
    id                        bigserial PRIMARY KEY,
    job_id                    text    NOT NULL,
    timestamp                 bigint  NOT NULL,
    bucket_span               bigint  NOT NULL,
    influencer_field_name     text    NOT NULL,
    influencer_field_value    text    NOT NULL,
    influencer_score          double precision NOT NULL DEFAULT 0,
    initial_influencer_score  double precision NOT NULL DEFAULT 0,
    probability               double precision NOT NULL DEFAULT 1,
    is_interim                boolean NOT NULL DEFAULT false,
    scored_at                 bigint  NOT NULL DEFAULT 0,
    UNIQUE (job_id, timestamp, influencer_field_name, influencer_field_value)
);

CREATE INDEX influencers_score_idx ON influencers (job_id, influencer_score DESC, timestamp DESC);
CREATE INDEX influencers_timestamp_idx ON influencers (job_id, timestamp);
CREATE INDEX influencers_scored_at_idx ON influencers (job_id, scored_at);

CREATE TABLE categories (
    job_id                   text   NOT NULL,
    category_id              bigint NOT NULL,
    partition_field_name     text,
    partition_field_value    text,
    terms                    text   NOT NULL DEFAULT '',
    regex                    text   NOT NULL DEFAULT '',
    max_matching_length      bigint NOT NULL DEFAULT 0,
    examples                 jsonb  NOT NULL DEFAULT '[]',
    preferred_to_categories  jsonb  NOT NULL DEFAULT '[]',
    num_matches              bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, category_id)
);

CREATE INDEX categories_partition_idx ON categories (job_id, partition_field_value, category_id);

CREATE TABLE model_snapshots (
    job_id                    text    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    snapshot_id               text    NOT NULL,
    timestamp                 bigint  NOT NULL,
    description               text,
    latest_record_time_stamp  bigint,
    latest_result_time_stamp  bigint,
    min_version               text    NOT NULL,
    retain                    boolean NOT NULL DEFAULT false,
    snapshot_doc_count        integer NOT NULL DEFAULT 1,
    model_size_stats          jsonb   NOT NULL DEFAULT '{}',
    -- The serialized processor state: models, normalizers and bucket clock.
    state                     bytea   NOT NULL,
    PRIMARY KEY (job_id, snapshot_id)
);

CREATE INDEX model_snapshots_time_idx ON model_snapshots (job_id, timestamp DESC);

CREATE TABLE filters (
    filter_id    text PRIMARY KEY,
    description  text,
    items        text[] NOT NULL DEFAULT '{}'
);
