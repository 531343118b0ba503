-- H2 twin of db/migration/postgresql/V8__rate_buckets.sql: keep both in step.

-- Unused on H2: one process owns an embedded database, so its rate-limit buckets live in memory.
-- The table exists so that both schemas have the same tables at the same version.
CREATE TABLE rate_buckets (
  id VARCHAR PRIMARY KEY,
  state VARBINARY
);
