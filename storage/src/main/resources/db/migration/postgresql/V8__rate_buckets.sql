-- The GHL rate-limit budgets, shared by every instance on this database: one row per Bucket4j
-- bucket (Bucket4j's PostgreSQL layout). id is "<namespace>/<key>/<bucket>", for example
-- "ghl/<location id>/burst"; state is the serialized bucket, configuration included. Each
-- operation on a bucket locks its row (SELECT ... FOR UPDATE) for one short transaction.
CREATE TABLE rate_buckets (
  id TEXT PRIMARY KEY,
  state BYTEA
);
