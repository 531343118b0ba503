package io.ghlcredly.core.port;

import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.model.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What admins decide about workspaces in the browser: the workspaces they created, the locations
 * they assigned (the configuration file's own assignments are not stored), and the operators they
 * limited to some workspaces. Implementations are thread-safe and shared by every instance.
 */
public interface WorkspaceStore {
  /** A workspace created in the browser. */
  record StoredWorkspace(WorkspaceId id, String name, Instant createdAt, String createdBy) {}

  /** A location assigned in the browser. */
  record Assignment(LocationId location, WorkspaceId workspace, Instant assignedAt, String by) {}

  /** Every workspace created in the browser, by name. */
  List<StoredWorkspace> listWorkspaces();

  /**
   * Creates a workspace.
   *
   * @return false when one with this id exists
   */
  boolean createWorkspace(StoredWorkspace workspace);

  /** Renames a workspace created in the browser; false when there is none with this id. */
  boolean renameWorkspace(WorkspaceId id, String name);

  /** The workspace a location was assigned to in the browser, read now. */
  Optional<WorkspaceId> assignmentOf(LocationId location);

  /** Every assignment made in the browser. */
  List<Assignment> listAssignments();

  /** Assigns the location to the workspace (moving it from another one). */
  void assign(Assignment assignment);

  /** Takes the location out of its workspace; false when it had no assignment. */
  boolean unassign(LocationId location);

  /** The workspaces an operator is limited to; empty means every workspace. */
  Set<WorkspaceId> limitsOf(OperatorId operator);

  /** Every limited operator's workspaces. */
  Map<OperatorId, Set<WorkspaceId>> listLimits();

  /** Limits the operator to these workspaces; an empty set lifts the limit. */
  void limit(OperatorId operator, Set<WorkspaceId> workspaces);
}
