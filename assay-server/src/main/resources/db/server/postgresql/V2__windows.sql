-- Per (model, version, window) aggregates of the monitoring engine, and the reference in the engine's form.
CREATE TABLE window_aggregates (
    model       VARCHAR(200) NOT NULL,
    version     VARCHAR(200) NOT NULL,
    start_ms    BIGINT NOT NULL,
    aggregate   BYTEA NOT NULL,
    PRIMARY KEY (model, version, start_ms)
);

CREATE TABLE reference_forms (
    model       VARCHAR(200) PRIMARY KEY,
    aggregate   BYTEA NOT NULL,
    calibration BYTEA
);
