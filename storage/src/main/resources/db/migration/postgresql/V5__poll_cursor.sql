-- Positions of polling passes (reconciliation), by name, e.g. 'ghl-contacts:<locationId>'.
CREATE TABLE poll_cursor (
  name TEXT PRIMARY KEY,
  position TEXT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
