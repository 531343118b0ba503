-- H2 twin of db/migration/postgresql/V10__operators.sql: keep both in step.

CREATE TABLE operator (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email VARCHAR NOT NULL,
  display_name VARCHAR,
  role VARCHAR NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  password_hash VARCHAR,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by VARCHAR NOT NULL,
  credentials_changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX operator_email_idx ON operator (email);

CREATE TABLE operator_invite (
  token_hash VARCHAR PRIMARY KEY,
  operator_id BIGINT NOT NULL UNIQUE REFERENCES operator (id) ON DELETE CASCADE,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at TIMESTAMP WITH TIME ZONE
);

ALTER TABLE admin_session
  ADD COLUMN operator_id BIGINT REFERENCES operator (id) ON DELETE CASCADE;
CREATE INDEX admin_session_operator_idx ON admin_session (operator_id);
