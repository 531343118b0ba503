-- H2 twin of db/migration/postgresql/V9__admin_sessions.sql: keep both in step.

CREATE TABLE admin_session (
  id_hash VARCHAR PRIMARY KEY,
  csrf_token VARCHAR NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX admin_session_last_seen_idx ON admin_session (last_seen);
