-- Model registry and run history (SQLite). Times are milliseconds since the epoch (UTC).
CREATE TABLE models (
    name       TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL
);

CREATE TABLE versions (
    model          TEXT    NOT NULL REFERENCES models (name),
    version        INTEGER NOT NULL,
    sha256         TEXT    NOT NULL,
    file_name      TEXT    NOT NULL,
    framework      TEXT    NOT NULL,
    size_bytes     BIGINT  NOT NULL,
    metadata       TEXT    NOT NULL,
    training_data  TEXT,
    parent_version INTEGER,
    code_revision  TEXT,
    registered_at  BIGINT  NOT NULL,
    registered_by  TEXT    NOT NULL,
    PRIMARY KEY (model, version),
    UNIQUE (model, sha256)
);

CREATE TABLE version_tags (
    model     TEXT    NOT NULL,
    version   INTEGER NOT NULL,
    tag_key   TEXT    NOT NULL,
    tag_value TEXT    NOT NULL,
    PRIMARY KEY (model, version, tag_key),
    FOREIGN KEY (model, version) REFERENCES versions (model, version)
);

CREATE TABLE alias_moves (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    model        TEXT    NOT NULL REFERENCES models (name),
    alias        TEXT    NOT NULL,
    from_version INTEGER,
    to_version   INTEGER NOT NULL,
    moved_at     BIGINT  NOT NULL,
    moved_by     TEXT    NOT NULL,
    reason       TEXT    NOT NULL
);
CREATE INDEX alias_moves_by_alias ON alias_moves (model, alias, id);

CREATE TRIGGER alias_moves_no_update BEFORE UPDATE ON alias_moves
BEGIN
    SELECT RAISE(ABORT, 'alias_moves is append-only');
END;

CREATE TRIGGER alias_moves_no_delete BEFORE DELETE ON alias_moves
BEGIN
    SELECT RAISE(ABORT, 'alias_moves is append-only');
END;

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    model       TEXT    NOT NULL,
    version     INTEGER,
    suite       TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    started_at  BIGINT  NOT NULL,
    recorded_at BIGINT  NOT NULL,
    datasets    TEXT    NOT NULL,
    environment TEXT    NOT NULL,
    report      TEXT
);
CREATE INDEX runs_by_model ON runs (model, id);

CREATE TABLE run_metrics (
    run_id      BIGINT           NOT NULL REFERENCES runs (id),
    check_name  TEXT             NOT NULL,
    measurement TEXT             NOT NULL,
    value       DOUBLE PRECISION,
    PRIMARY KEY (run_id, check_name, measurement)
);

CREATE TABLE version_reports (
    model     TEXT    NOT NULL,
    version   INTEGER NOT NULL,
    location  TEXT    NOT NULL,
    sha256    TEXT    NOT NULL,
    status    TEXT    NOT NULL,
    linked_at BIGINT  NOT NULL,
    PRIMARY KEY (model, version, sha256),
    FOREIGN KEY (model, version) REFERENCES versions (model, version)
);
