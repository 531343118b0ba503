-- H2 twin of db/migration/postgresql/V5__poll_cursor.sql: keep both in step.
-- Positions of polling passes (reconciliation), by name, e.g. 'ghl-contacts:<locationId>'.
CREATE TABLE poll_cursor (
  name VARCHAR PRIMARY KEY,
  position VARCHAR NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
