-- OAuth accounts: one row per installed HighLevel location or company. Tokens are encrypted with
-- the service's key (AEAD; the account and token kind are the associated data). Refreshes lock the
-- row (SELECT ... FOR UPDATE), so a single-use refresh token is never sent twice.
CREATE TABLE oauth_account (
  account_type TEXT NOT NULL,
  account_id TEXT NOT NULL,
  company_id TEXT,
  access_token BYTEA NOT NULL,
  refresh_token BYTEA,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  scopes TEXT NOT NULL,
  status TEXT NOT NULL,
  status_reason TEXT,
  status_since TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (account_type, account_id)
);

-- OAuth install flows in progress: the SHA-256 of each state, used once.
CREATE TABLE oauth_state (
  state_hash TEXT PRIMARY KEY,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oauth_state_expires_idx ON oauth_state (expires_at);
