-- H2 twin of db/migration/postgresql/V2__oauth_accounts.sql: keep both in step.

CREATE TABLE oauth_account (
  account_type VARCHAR NOT NULL,
  account_id VARCHAR NOT NULL,
  company_id VARCHAR,
  access_token VARBINARY NOT NULL,
  refresh_token VARBINARY,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  scopes VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  status_reason VARCHAR,
  status_since TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (account_type, account_id)
);

CREATE TABLE oauth_state (
  state_hash VARCHAR PRIMARY KEY,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oauth_state_expires_idx ON oauth_state (expires_at);
