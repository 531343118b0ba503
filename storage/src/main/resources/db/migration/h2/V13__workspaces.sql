-- H2 twin of db/migration/postgresql/V13__workspaces.sql: keep both in step.

-- Agency workspaces. A workspace groups GHL locations with one Credly organization and one rule
-- set; workspaces of the configuration file are not stored here, only those an admin created in
-- the browser, and the locations assigned in the browser (a location the file lists is the
-- file's).
CREATE TABLE workspace (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by VARCHAR NOT NULL
);

CREATE TABLE workspace_location (
  location_id VARCHAR PRIMARY KEY,
  workspace_id VARCHAR NOT NULL,
  assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
  assigned_by VARCHAR NOT NULL
);
CREATE INDEX workspace_location_workspace_idx ON workspace_location (workspace_id);

-- Operators limited to some workspaces; an operator without rows sees every workspace.
CREATE TABLE operator_workspace (
  operator_id BIGINT NOT NULL REFERENCES operator (id) ON DELETE CASCADE,
  workspace_id VARCHAR NOT NULL,
  PRIMARY KEY (operator_id, workspace_id)
);

-- Events of a location no workspace serves are kept as processed with outcome 'held' and counted
-- here per location, so that the dashboard and metrics read one small table; assigning the
-- location makes them pending again and deletes the row.
CREATE TABLE held_location (
  location_id VARCHAR PRIMARY KEY,
  held_events BIGINT NOT NULL,
  first_held_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_held_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The Credly organization a badge event came from: it decides the workspace of a contact that has
-- no location yet, and keeps another organization's event from firing a workspace's rules.
ALTER TABLE event_inbox ADD COLUMN credly_organization_id VARCHAR;

-- Locations' names as GHL gives them (GET /locations/{locationId}), shown instead of their ids.
CREATE TABLE location_name (
  location_id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  fetched_at TIMESTAMP WITH TIME ZONE NOT NULL
);
