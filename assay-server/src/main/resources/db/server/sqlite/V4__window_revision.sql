-- A revision per window aggregate, a random stamp drawn anew by every update: a process keeps decoded aggregates
-- in memory and reuses one only while its stamp is the stored one (another process may have written it since).
ALTER TABLE window_aggregates ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
