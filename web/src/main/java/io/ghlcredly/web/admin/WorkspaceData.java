package io.ghlcredly.web.admin;

import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.web.Actor;
import io.ghlcredly.web.Scope;
import java.util.List;
import java.util.Set;

/**
 * Agency workspaces as the pages and the admin API show and change them, supplied by the
 * application: every change is recorded in the change log with its actor. Thread-safe.
 */
public interface WorkspaceData {
  /** The workspaces in scope with their locations and health, failing ones first. */
  List<AdminViews.Workspace> workspaces(Scope scope);

  /** Whether a workspace of this id exists, in the file or created in the browser. */
  boolean exists(WorkspaceId id);

  /** Locations with events waiting for a workspace; none for a limited scope. */
  List<AdminViews.HeldLocation> held(Scope scope);

  /** The locations an admin may assign: installed ones and those with held events. */
  List<AdminViews.LocationChoice> locations();

  /** Creates a workspace; a blank id is derived from the name. */
  AdminViews.WorkspaceOutcome create(String id, String name, Actor actor);

  /** Assigns the location to the workspace and puts its held events back to work. */
  AdminViews.WorkspaceOutcome assign(String workspace, String location, Actor actor);

  /** Takes the location out of the workspace it was assigned to in the browser. */
  AdminViews.WorkspaceOutcome unassign(String workspace, String location, Actor actor);

  /** The workspaces an operator is limited to; empty: every workspace. */
  Set<WorkspaceId> limitsOf(OperatorId operator);

  /**
   * Limits an operator to these workspaces (none: every workspace).
   *
   * @param email the operator's email, for the change log
   */
  AdminViews.WorkspaceOutcome limit(
      OperatorId operator, String email, Set<String> workspaces, Actor actor);
}
