-- Lookups of the reconciliation pass: recently active contacts, and whether an event already
-- reported a task's completion.
CREATE INDEX event_inbox_location_received ON event_inbox (location_id, received_at);
CREATE INDEX event_inbox_subject ON event_inbox (event_type, subject_id);
