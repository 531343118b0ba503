-- Credly badge events share the inbox with GHL events: they have no location, and carry the badge
-- they are about. The ledger keeps the badge's state as Credly last reported it.
ALTER TABLE event_inbox ALTER COLUMN location_id DROP NOT NULL;
ALTER TABLE event_inbox ADD COLUMN badge_id TEXT;
ALTER TABLE event_inbox ADD COLUMN badge_template_id TEXT;
ALTER TABLE event_inbox ADD COLUMN badge_state TEXT;

ALTER TABLE issuance ADD COLUMN badge_state TEXT;
ALTER TABLE issuance ADD COLUMN badge_state_at TIMESTAMP WITH TIME ZONE;
