-- The monitoring service's tables (SQLite).
CREATE TABLE models (
    name        VARCHAR(200) PRIMARY KEY,
    created_at  BIGINT NOT NULL,
    config      TEXT NOT NULL
);

CREATE TABLE predictions (
    model       VARCHAR(200) NOT NULL,
    id          VARCHAR(200) NOT NULL,
    ts          BIGINT NOT NULL,
    version     VARCHAR(200) NOT NULL,
    features    TEXT NOT NULL,
    prediction  TEXT,
    score       DOUBLE PRECISION,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (model, id)
);
CREATE INDEX predictions_by_time ON predictions (model, ts);

CREATE TABLE labels (
    model       VARCHAR(200) NOT NULL,
    id          VARCHAR(200) NOT NULL,
    label       TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (model, id)
);

CREATE TABLE references_data (
    model       VARCHAR(200) PRIMARY KEY,
    format      VARCHAR(20) NOT NULL,
    content     TEXT NOT NULL,
    rows_count  BIGINT NOT NULL,
    received_at BIGINT NOT NULL
);

CREATE TABLE tokens (
    hash        CHAR(64) PRIMARY KEY,
    name        VARCHAR(200) NOT NULL UNIQUE,
    role        VARCHAR(10) NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          BIGINT NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    action      VARCHAR(100) NOT NULL,
    detail      TEXT NOT NULL
);
