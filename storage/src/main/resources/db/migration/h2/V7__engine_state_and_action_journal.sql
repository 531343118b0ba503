-- H2 twin of db/migration/postgresql/V7__engine_state_and_action_journal.sql: keep both in step.

-- The snapshot keeps the contact's location (so that work started by a Credly event can write back
-- to GHL), its field values as applied (a JSON object of strings; '{}' for rows saved before) and
-- the digest of the Credly record last sent.
ALTER TABLE contact_state ADD COLUMN location_id VARCHAR;
ALTER TABLE contact_state ADD COLUMN fields CLOB DEFAULT '{}' NOT NULL;
ALTER TABLE contact_state ADD COLUMN record_digest VARCHAR;

-- contact.seen events carry the whole contact as read from the CRM (a JSON object); the payload
-- stays the raw text the caller gave. Lookups by event id reopen events for replay; a contact's
-- events are listed newest first for its audit trail.
ALTER TABLE event_inbox ADD COLUMN contact_json CLOB;
CREATE INDEX event_inbox_event_id ON event_inbox (event_id);
CREATE INDEX event_inbox_contact_sequence ON event_inbox (contact_id, sequence);

-- issuance.state gains REVOKED and REPLACED: the column is free text, no change needed.

-- Every action a rule asked for, once per occurrence (action_key), with its outcome: the audit
-- trail and the guard against doing an action twice. sequence orders entries created at the same
-- instant.
CREATE TABLE action_journal (
  action_key VARCHAR PRIMARY KEY,
  sequence BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  contact_id VARCHAR NOT NULL,
  rule_id VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,
  state VARCHAR NOT NULL,
  outcome VARCHAR,
  upstream_id VARCHAR,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX action_journal_contact_created ON action_journal (contact_id, created_at);
CREATE INDEX action_journal_created ON action_journal (created_at);
