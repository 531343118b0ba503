package io.ghlcredly.storage;

import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.core.port.WorkspaceStore;
import io.ghlcredly.storage.internal.SqlStates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Workspaces, location assignments and operator limits in tables {@code workspace}, {@code
 * workspace_location} and {@code operator_workspace}. Thread-safe.
 */
public final class JdbcWorkspaceStore implements WorkspaceStore {
  private final Database database;
  private final Jdbc jdbc;

  public JdbcWorkspaceStore(Database database) {
    this.database = database;
    this.jdbc = new Jdbc(database);
  }

  @Override
  public List<StoredWorkspace> listWorkspaces() {
    return jdbc.query(
        "SELECT id, name, created_at, created_by FROM workspace ORDER BY name, id",
        row ->
            new StoredWorkspace(
                new WorkspaceId(row.getString("id")),
                row.getString("name"),
                Jdbc.instant(row, "created_at"),
                row.getString("created_by")));
  }

  @Override
  public boolean createWorkspace(StoredWorkspace workspace) {
    try {
      return jdbc.update(
              "INSERT INTO workspace (id, name, created_at, created_by) VALUES (?, ?, ?, ?)",
              workspace.id().value(),
              workspace.name(),
              workspace.createdAt(),
              workspace.createdBy())
          == 1;
    } catch (StorageException e) {
      if (SqlStates.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public boolean renameWorkspace(WorkspaceId id, String name) {
    return jdbc.update("UPDATE workspace SET name = ? WHERE id = ?", name, id.value()) == 1;
  }

  @Override
  public Optional<WorkspaceId> assignmentOf(LocationId location) {
    return jdbc.queryOne(
        "SELECT workspace_id FROM workspace_location WHERE location_id = ?",
        row -> new WorkspaceId(row.getString("workspace_id")),
        location.value());
  }

  @Override
  public List<Assignment> listAssignments() {
    return jdbc.query(
        "SELECT location_id, workspace_id, assigned_at, assigned_by FROM workspace_location"
            + " ORDER BY workspace_id, location_id",
        row ->
            new Assignment(
                new LocationId(row.getString("location_id")),
                new WorkspaceId(row.getString("workspace_id")),
                Jdbc.instant(row, "assigned_at"),
                row.getString("assigned_by")));
  }

  @Override
  public void assign(Assignment assignment) {
    database.inTransaction(
        connection -> {
          jdbc.update(
              "DELETE FROM workspace_location WHERE location_id = ?",
              assignment.location().value());
          jdbc.update(
              "INSERT INTO workspace_location (location_id, workspace_id, assigned_at,"
                  + " assigned_by) VALUES (?, ?, ?, ?)",
              assignment.location().value(),
              assignment.workspace().value(),
              assignment.assignedAt(),
              assignment.by());
          return Boolean.TRUE;
        });
  }

  @Override
  public boolean unassign(LocationId location) {
    return jdbc.update("DELETE FROM workspace_location WHERE location_id = ?", location.value())
        == 1;
  }

  @Override
  public Set<WorkspaceId> limitsOf(OperatorId operator) {
    return new LinkedHashSet<>(
        jdbc.query(
            "SELECT workspace_id FROM operator_workspace WHERE operator_id = ?"
                + " ORDER BY workspace_id",
            row -> new WorkspaceId(row.getString("workspace_id")),
            operator.value()));
  }

  @Override
  public Map<OperatorId, Set<WorkspaceId>> listLimits() {
    Map<OperatorId, Set<WorkspaceId>> limits = new LinkedHashMap<>();
    for (String[] row :
        jdbc.query(
            "SELECT operator_id, workspace_id FROM operator_workspace"
                + " ORDER BY operator_id, workspace_id",
            result ->
                new String[] {
                  Long.toString(result.getLong("operator_id")), result.getString("workspace_id")
                })) {
      limits
          .computeIfAbsent(new OperatorId(Long.parseLong(row[0])), id -> new LinkedHashSet<>())
          .add(new WorkspaceId(row[1]));
    }
    return limits;
  }

  @Override
  public void limit(OperatorId operator, Set<WorkspaceId> workspaces) {
    database.inTransaction(
        connection -> {
          jdbc.update("DELETE FROM operator_workspace WHERE operator_id = ?", operator.value());
          List<@Nullable Object[]> rows = new ArrayList<>();
          for (String workspace :
              new TreeSet<>(workspaces.stream().map(WorkspaceId::value).toList())) {
            rows.add(new Object[] {operator.value(), workspace});
          }
          if (!rows.isEmpty()) {
            jdbc.batch(
                "INSERT INTO operator_workspace (operator_id, workspace_id) VALUES (?, ?)", rows);
          }
          return Boolean.TRUE;
        });
  }
}
