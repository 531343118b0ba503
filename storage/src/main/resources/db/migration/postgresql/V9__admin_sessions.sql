-- Dashboard sessions, shared by every instance behind a load balancer: a browser signed in on one
-- instance is signed in on all. Only the SHA-256 of the session id (the cookie value) is kept, so
-- the table holds nothing a browser could present. A session ends after 8 hours idle or a logout.
CREATE TABLE admin_session (
  id_hash TEXT PRIMARY KEY,
  csrf_token TEXT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX admin_session_last_seen_idx ON admin_session (last_seen);
