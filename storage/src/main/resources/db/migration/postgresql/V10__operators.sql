-- Named operators with roles (viewer < editor < admin), replacing the one shared admin token for
-- people. The email is stored lower-cased, so the unique index makes it unique ignoring case. The
-- password hash is Argon2id in its encoded form ($argon2id$...), null until the operator sets one
-- through their one-time link. A session created before credentials_changed_at (a new password, a
-- disabling) no longer counts.
CREATE TABLE operator (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email TEXT NOT NULL,
  display_name TEXT,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  password_hash TEXT,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by TEXT NOT NULL,
  credentials_changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX operator_email_idx ON operator (email);

-- One-time links to set a password: only the SHA-256 of the token is kept, so the table holds no
-- usable link. One link per operator: a new invite replaces the earlier one.
CREATE TABLE operator_invite (
  token_hash TEXT PRIMARY KEY,
  operator_id BIGINT NOT NULL UNIQUE REFERENCES operator (id) ON DELETE CASCADE,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at TIMESTAMP WITH TIME ZONE
);

-- Sessions belong to an operator; null for one opened with the admin token. created_at (from V9)
-- bounds a session's whole life, however busy.
ALTER TABLE admin_session
  ADD COLUMN operator_id BIGINT REFERENCES operator (id) ON DELETE CASCADE;
CREATE INDEX admin_session_operator_idx ON admin_session (operator_id);
