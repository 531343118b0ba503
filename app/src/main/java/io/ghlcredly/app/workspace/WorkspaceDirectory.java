package io.ghlcredly.app.workspace;

import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.WorkspaceConfig;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.core.port.WorkspaceStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which workspace serves a location: the configuration file's workspace that lists it, else the one
 * an admin assigned it to in the browser, else, in a file without {@code workspaces:}, the implicit
 * workspace; else none. Routing asks {@link #workspaceOf} and reads the browser's assignment from
 * the database each time (an admin may assign a location on another instance a moment ago); metric
 * labels use {@link #labelOf}, which may be a few seconds old. Thread-safe.
 */
public final class WorkspaceDirectory {
  private static final Duration LABEL_TTL = Duration.ofSeconds(10);

  private final List<WorkspaceConfig> fileWorkspaces;
  private final boolean implicit;
  private final Map<LocationId, WorkspaceId> fileLocations = new HashMap<>();
  private final Map<String, WorkspaceId> organizations = new HashMap<>();
  private final WorkspaceStore store;
  private final InstantSource clock;
  private final Map<LocationId, CachedLabel> labels = new ConcurrentHashMap<>();

  private record CachedLabel(String label, Instant until) {}

  public WorkspaceDirectory(AppConfig config, WorkspaceStore store, InstantSource clock) {
    this.fileWorkspaces = config.workspaces();
    this.implicit = config.implicitWorkspace();
    this.store = store;
    this.clock = clock;
    for (WorkspaceConfig workspace : fileWorkspaces) {
      workspace.locations().forEach(id -> fileLocations.put(new LocationId(id), workspace.id()));
      organizations.put(workspace.credly().organizationId(), workspace.id());
    }
  }

  /** The workspace serving the location now. */
  public Optional<WorkspaceId> workspaceOf(LocationId location) {
    WorkspaceId file = fileLocations.get(location);
    if (file != null) {
      return Optional.of(file);
    }
    Optional<WorkspaceId> assigned = store.assignmentOf(location);
    if (assigned.isPresent()) {
      return assigned;
    }
    return implicit ? Optional.of(WorkspaceId.DEFAULT) : Optional.empty();
  }

  /** The workspace's id for metric labels, or {@code none}; cached for a few seconds. */
  public String labelOf(LocationId location) {
    Instant now = clock.instant();
    CachedLabel cached = labels.get(location);
    if (cached != null && now.isBefore(cached.until())) {
      return cached.label();
    }
    String label;
    try {
      label = workspaceOf(location).map(WorkspaceId::value).orElse("none");
    } catch (RuntimeException e) {
      // Metrics never fail a webhook: without the database, the last label (or none) stands.
      return cached == null ? "none" : cached.label();
    }
    labels.put(location, new CachedLabel(label, now.plus(LABEL_TTL)));
    return label;
  }

  /** The workspace issuing from the Credly organization, if the file defines one. */
  public Optional<WorkspaceId> ofOrganization(String organization) {
    return Optional.ofNullable(organizations.get(organization.toLowerCase(java.util.Locale.ROOT)));
  }

  /** Whether the file has no {@code workspaces:}: its one workspace serves every location. */
  public boolean implicit() {
    return implicit;
  }

  /** Whether the file assigns the location (then the browser cannot move it). */
  public boolean assignedByFile(LocationId location) {
    return fileLocations.containsKey(location);
  }

  /** Whether a workspace of this id exists, in the file or created in the browser. */
  public boolean exists(WorkspaceId id) {
    return list().stream().anyMatch(workspace -> workspace.id().equals(id));
  }

  /**
   * Every workspace, the file's first (in file order), then those created in the browser, each with
   * the locations assigned to it by the file and in the browser.
   */
  public List<Workspace> list() {
    Map<WorkspaceId, Set<LocationId>> assigned = new HashMap<>();
    for (WorkspaceStore.Assignment assignment : store.listAssignments()) {
      if (!fileLocations.containsKey(assignment.location())) {
        assigned
            .computeIfAbsent(assignment.workspace(), id -> new LinkedHashSet<>())
            .add(assignment.location());
      }
    }
    Map<WorkspaceId, Workspace> all = new LinkedHashMap<>();
    for (WorkspaceConfig file : fileWorkspaces) {
      Set<LocationId> locations = new LinkedHashSet<>();
      file.locations().forEach(id -> locations.add(new LocationId(id)));
      locations.addAll(assigned.getOrDefault(file.id(), Set.of()));
      all.put(
          file.id(),
          new Workspace(
              file.id(),
              file.name(),
              Source.FILE,
              List.copyOf(locations),
              file.credly().organizationId(),
              file.implicit()));
    }
    for (WorkspaceStore.StoredWorkspace stored : store.listWorkspaces()) {
      all.putIfAbsent(
          stored.id(),
          new Workspace(
              stored.id(),
              stored.name(),
              Source.BROWSER,
              List.copyOf(assigned.getOrDefault(stored.id(), Set.of())),
              null,
              false));
    }
    return new ArrayList<>(all.values());
  }

  /** The workspace of this id, if there is one. */
  public Optional<Workspace> find(WorkspaceId id) {
    return list().stream().filter(workspace -> workspace.id().equals(id)).findFirst();
  }

  /**
   * Which locations the workspaces cover, as a filter for reads: the implicit workspace covers
   * every location that no other workspace holds.
   */
  public LocationScope scopeOf(Set<WorkspaceId> workspaces) {
    List<Workspace> all = list();
    Set<LocationId> included = new LinkedHashSet<>();
    Set<LocationId> excluded = new LinkedHashSet<>();
    boolean everyOther = false;
    for (Workspace workspace : all) {
      if (workspaces.contains(workspace.id())) {
        included.addAll(workspace.locations());
        everyOther |= workspace.implicit();
      } else {
        excluded.addAll(workspace.locations());
      }
    }
    return everyOther ? LocationScope.allExcept(excluded) : LocationScope.only(included);
  }

  /** Where a workspace is defined. */
  public enum Source {
    /** The configuration file: read-only in the browser. */
    FILE,
    /** Created by an admin in the browser. */
    BROWSER
  }

  /**
   * A workspace as the browser and the admin API show it.
   *
   * @param credlyOrganization its Credly organization; null for a workspace created in the browser,
   *     which has none connected yet
   * @param implicit the one workspace of a file without {@code workspaces:}
   */
  public record Workspace(
      WorkspaceId id,
      String name,
      Source source,
      List<LocationId> locations,
      @org.jspecify.annotations.Nullable String credlyOrganization,
      boolean implicit) {}
}
