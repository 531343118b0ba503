-- H2 twin of db/migration/postgresql/V11__account_events.sql: keep both in step.

CREATE TABLE account_event (
  event_id VARCHAR PRIMARY KEY,
  event_type VARCHAR NOT NULL,
  location_id VARCHAR,
  company_id VARCHAR,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  applied BOOLEAN NOT NULL
);
CREATE INDEX account_event_location_idx ON account_event (location_id, event_type, occurred_at);
CREATE INDEX account_event_company_idx ON account_event (company_id, event_type, occurred_at);
