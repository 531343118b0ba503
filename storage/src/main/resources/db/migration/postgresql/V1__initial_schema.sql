-- Events accepted from webhooks and polls, kept until the contact's sync job applied them.
CREATE TABLE event_inbox (
  sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source TEXT NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  location_id TEXT NOT NULL,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  payload TEXT NOT NULL,
  processed_at TIMESTAMP WITH TIME ZONE,
  outcome TEXT,
  CONSTRAINT event_inbox_source_event_uk UNIQUE (source, event_id)
);
CREATE INDEX event_inbox_contact_idx ON event_inbox (contact_id, processed_at);
CREATE INDEX event_inbox_pending_idx ON event_inbox (received_at) WHERE processed_at IS NULL;

-- What was last applied per contact. tags is a JSON array of strings.
CREATE TABLE contact_state (
  contact_id TEXT PRIMARY KEY,
  tags TEXT NOT NULL,
  date_updated TIMESTAMP WITH TIME ZONE,
  applied_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The guard against issuing a badge twice: one row per (contact, badge template).
CREATE TABLE issuance (
  contact_id TEXT NOT NULL,
  badge_template_id TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  state TEXT NOT NULL,
  badge_id TEXT,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (contact_id, badge_template_id)
);
CREATE INDEX issuance_state_idx ON issuance (state);

-- Failed work kept for operators and replay. event_ids is a JSON array of strings.
CREATE TABLE dead_letter (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  event_ids TEXT NOT NULL,
  detail TEXT NOT NULL,
  cause TEXT NOT NULL,
  attempts INT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  replayed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX dead_letter_created_idx ON dead_letter (created_at);

-- Named secrets, encrypted with the service's key (AEAD; the name is the associated data).
CREATE TABLE secret (
  name TEXT PRIMARY KEY,
  ciphertext BYTEA NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- db-scheduler's table, as in its postgresql_tables.sql (16.x).
CREATE TABLE scheduled_tasks (
  task_name TEXT NOT NULL,
  task_instance TEXT NOT NULL,
  task_data BYTEA,
  execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
  picked BOOLEAN NOT NULL,
  picked_by TEXT,
  last_success TIMESTAMP WITH TIME ZONE,
  last_failure TIMESTAMP WITH TIME ZONE,
  consecutive_failures INT,
  last_heartbeat TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  priority SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
