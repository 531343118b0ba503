package io.ghlcredly.app.admin;

import io.ghlcredly.app.workspace.WorkspaceDirectory;
import io.ghlcredly.app.workspace.WorkspaceHealth;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.LocationNames;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.port.WorkspaceStore;
import io.ghlcredly.web.Actor;
import io.ghlcredly.web.Scope;
import io.ghlcredly.web.admin.AdminViews;
import io.ghlcredly.web.admin.WorkspaceData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Workspaces for the pages and the admin API: each with its locations by name and its health
 * (failing ones first), the locations whose events wait, the locations an admin may assign; changes
 * go through {@link WorkspaceChanges}. Thread-safe.
 */
final class WorkspaceDataSource implements WorkspaceData {
  private final WorkspaceDirectory directory;
  private final WorkspaceHealth health;
  private final WorkspaceStore store;
  private final EventInbox inbox;
  private final LocationNames names;
  private final TokenStore accounts;
  private final @Nullable String privateTokenLocation;
  private final WorkspaceChanges changes;

  /**
   * What workspaces are read from.
   *
   * @param privateTokenLocation the private token's location, an installed location too
   */
  record Sources(
      WorkspaceDirectory directory,
      WorkspaceHealth health,
      WorkspaceStore store,
      EventInbox inbox,
      LocationNames names,
      TokenStore accounts,
      @Nullable String privateTokenLocation) {}

  WorkspaceDataSource(Sources sources, WorkspaceChanges changes) {
    this.directory = sources.directory();
    this.health = sources.health();
    this.store = sources.store();
    this.inbox = sources.inbox();
    this.names = sources.names();
    this.accounts = sources.accounts();
    this.privateTokenLocation = sources.privateTokenLocation();
    this.changes = changes;
  }

  @Override
  public List<AdminViews.Workspace> workspaces(Scope scope) {
    Map<LocationId, String> known = names.all();
    List<AdminViews.Workspace> views = new ArrayList<>();
    for (WorkspaceHealth.Status status : health.statuses()) {
      WorkspaceDirectory.Workspace workspace = status.workspace();
      if (!scope.all() && !scope.workspaces().contains(workspace.id())) {
        continue;
      }
      List<AdminViews.Location> locations =
          workspace.locations().stream()
              .map(
                  location ->
                      new AdminViews.Location(
                          location.value(),
                          known.get(location),
                          directory.assignedByFile(location)))
              .toList();
      views.add(
          new AdminViews.Workspace(
              workspace.id().value(),
              workspace.name(),
              workspace.source() == WorkspaceDirectory.Source.FILE ? "file" : "browser",
              workspace.credlyOrganization(),
              locations,
              status.problems()));
    }
    // Failing ones first; otherwise the directory's order.
    views.sort(Comparator.comparing(AdminViews.Workspace::ok));
    return views;
  }

  @Override
  public boolean exists(WorkspaceId id) {
    return directory.exists(id);
  }

  @Override
  public List<AdminViews.HeldLocation> held(Scope scope) {
    if (!scope.all()) {
      // Held locations are in no workspace: only who sees every workspace sees them.
      return List.of();
    }
    Map<LocationId, String> known = names.all();
    return inbox.listHeld().stream()
        .map(
            held ->
                new AdminViews.HeldLocation(
                    held.location().value(),
                    known.get(held.location()),
                    held.events(),
                    held.firstHeldAt().toString()))
        .toList();
  }

  @Override
  public List<AdminViews.LocationChoice> locations() {
    Set<LocationId> candidates = new LinkedHashSet<>();
    for (TokenStore.AccountSummary account : accounts.listAccounts()) {
      if (account.key().type() == TokenStore.AccountType.LOCATION) {
        candidates.add(new LocationId(account.key().id()));
      }
    }
    if (privateTokenLocation != null) {
      candidates.add(new LocationId(privateTokenLocation));
    }
    inbox.listHeld().forEach(held -> candidates.add(held.location()));
    store.listAssignments().forEach(assignment -> candidates.add(assignment.location()));
    Map<LocationId, String> known = names.all();
    Map<WorkspaceId, String> workspaceNames = new HashMap<>();
    directory.list().forEach(each -> workspaceNames.put(each.id(), each.name()));
    List<AdminViews.LocationChoice> choices = new ArrayList<>();
    for (LocationId location : candidates) {
      choices.add(
          new AdminViews.LocationChoice(
              location.value(),
              known.get(location),
              directory.workspaceOf(location).map(workspaceNames::get).orElse(null),
              directory.assignedByFile(location)));
    }
    choices.sort(
        Comparator.comparing(
            (AdminViews.LocationChoice choice) ->
                choice.name() == null ? choice.id() : choice.name()));
    return choices;
  }

  @Override
  public AdminViews.WorkspaceOutcome create(String id, String name, Actor actor) {
    return changes.create(id, name, actor);
  }

  @Override
  public AdminViews.WorkspaceOutcome assign(String workspace, String location, Actor actor) {
    return changes.assign(workspace, location, actor);
  }

  @Override
  public AdminViews.WorkspaceOutcome unassign(String workspace, String location, Actor actor) {
    return changes.unassign(workspace, location, actor);
  }

  @Override
  public Set<WorkspaceId> limitsOf(OperatorId operator) {
    return store.limitsOf(operator);
  }

  @Override
  public AdminViews.WorkspaceOutcome limit(
      OperatorId operator, String email, Set<String> workspaces, Actor actor) {
    return changes.limit(operator, email, workspaces, actor);
  }
}
