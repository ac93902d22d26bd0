-- Alerting (SQLite): a model's rules, the evaluation state (streaks, alerts, the last window evaluated per version) and silences.
CREATE TABLE alert_rules (
    model       VARCHAR(200) PRIMARY KEY,
    rules       TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE alert_progress (
    model       VARCHAR(200) NOT NULL,
    version     VARCHAR(200) NOT NULL,
    last_start  BIGINT NOT NULL,
    PRIMARY KEY (model, version)
);

CREATE TABLE alert_streaks (
    model       VARCHAR(200) NOT NULL,
    version     VARCHAR(200) NOT NULL,
    rule        VARCHAR(200) NOT NULL,
    metric      VARCHAR(400) NOT NULL,
    streak      INTEGER NOT NULL,
    PRIMARY KEY (model, version, rule, metric)
);

CREATE TABLE alerts (
    model       VARCHAR(200) NOT NULL,
    fingerprint CHAR(16) NOT NULL,
    seq         BIGINT NOT NULL,
    version     VARCHAR(200) NOT NULL,
    rule        VARCHAR(200) NOT NULL,
    metric      VARCHAR(400) NOT NULL,
    severity    VARCHAR(20) NOT NULL,
    state       VARCHAR(10) NOT NULL,
    starts_at   BIGINT NOT NULL,
    ends_at     BIGINT,
    value       DOUBLE PRECISION,
    ack_by      VARCHAR(200),
    ack_at      BIGINT,
    ack_comment TEXT,
    PRIMARY KEY (model, fingerprint)
);

CREATE TABLE silences (
    id          VARCHAR(40) PRIMARY KEY,
    model       VARCHAR(200),
    version     VARCHAR(200),
    alertname   VARCHAR(200),
    metric      VARCHAR(400),
    starts_at   BIGINT NOT NULL,
    ends_at     BIGINT NOT NULL,
    comment     TEXT NOT NULL,
    created_by  VARCHAR(200) NOT NULL,
    created_at  BIGINT NOT NULL
);
