-- App install and uninstall webhooks that were handled, one row per webhookId: a signed delivery
-- replayed while its timestamp is fresh is recognised and changes nothing, and the times order
-- deliveries that arrive out of order (an uninstall older than the account's latest install is
-- ignored, and the other way round). location_id is NULL for agency-level events. applied is false
-- for an event ignored as stale. A few rows per install; nothing prunes them.
CREATE TABLE account_event (
  event_id TEXT PRIMARY KEY,
  event_type TEXT NOT NULL,
  location_id TEXT,
  company_id TEXT,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  applied BOOLEAN NOT NULL
);
CREATE INDEX account_event_location_idx ON account_event (location_id, event_type, occurred_at);
CREATE INDEX account_event_company_idx ON account_event (company_id, event_type, occurred_at);
