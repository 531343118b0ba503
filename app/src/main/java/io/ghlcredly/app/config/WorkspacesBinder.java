package io.ghlcredly.app.config;

import io.ghlcredly.app.config.GhlConfig.AuthMode;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.WorkspaceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Binds {@code workspaces:}: each workspace's id, name, locations, Credly connection, mapping and
 * rules, checked against one another (an id, a location or a Credly organization used twice) and
 * against {@code ghl} (a location the GHL connection cannot reach). A file with workspaces keeps no
 * top-level {@code credly}, {@code mapping} or {@code rules}: each workspace has its own, so
 * nothing is shared by accident.
 */
final class WorkspacesBinder {
  static final String KEY = "workspaces";
  private static final List<String> PER_WORKSPACE = List.of("credly", "mapping", "rules");

  private WorkspacesBinder() {}

  /** Whether the file has a {@code workspaces:} section. */
  static boolean present(Section root) {
    return root.raw(KEY) != null;
  }

  /** The workspaces; null when problems were reported. */
  static @Nullable List<WorkspaceConfig> bind(Section root, @Nullable GhlConfig ghl) {
    int before = root.context().problemCount();
    for (String key : PER_WORKSPACE) {
      if (root.raw(key) != null) {
        root.problem(
            key,
            "is not used with workspaces: each workspace has its own (move it into each"
                + " workspace, as workspaces[]."
                + key
                + ")");
      }
    }
    List<Section> sections = root.sections(KEY);
    if (sections.isEmpty() && root.context().problemCount() == before) {
      root.problem(KEY, "must list at least one workspace, or leave the section out");
    }
    Map<String, String> ids = new HashMap<>();
    Map<String, String> locations = new HashMap<>();
    Map<String, String> organizations = new HashMap<>();
    List<WorkspaceConfig> workspaces = new ArrayList<>();
    for (Section section : sections) {
      WorkspaceConfig workspace = workspace(section, ghl, ids, locations);
      if (workspace != null) {
        String other =
            organizations.putIfAbsent(
                workspace.credly().organizationId(), describe(section, workspace));
        if (other != null) {
          section
              .context()
              .problem(
                  section.pathOf("credly.organization-id"),
                  "is already the organization of "
                      + other
                      + ": each workspace issues from its own Credly organization");
        }
        workspaces.add(workspace);
      }
    }
    return root.context().problemCount() > before ? null : workspaces;
  }

  private static @Nullable WorkspaceConfig workspace(
      Section section,
      @Nullable GhlConfig ghl,
      Map<String, String> ids,
      Map<String, String> locations) {
    int before = section.context().problemCount();
    String idText =
        section.requiredText(
            "id", " (lower-case letters, digits and dashes, such as academy-north)");
    WorkspaceId id = null;
    if (!idText.isEmpty()) {
      if (!WorkspaceId.isValid(idText)) {
        section.problem(
            "id", "must be 1 to 40 lower-case letters, digits or dashes, got '" + idText + "'");
      } else {
        id = new WorkspaceId(idText);
        String other = ids.putIfAbsent(idText, section.path());
        if (other != null) {
          section.problem("id", "'" + idText + "' is already the id of " + other);
        }
      }
    }
    String name = section.text("name", idText.isEmpty() ? "workspace" : idText);
    List<String> listed = section.texts("locations");
    for (int index = 0; index < listed.size(); index++) {
      String location = listed.get(index);
      String path = section.pathOf("locations") + "[" + index + "]";
      String other = locations.putIfAbsent(location, section.path() + " (" + name + ")");
      if (other != null) {
        section
            .context()
            .problem(
                path,
                "location "
                    + location
                    + " is already in "
                    + other
                    + ": a location belongs to one workspace");
      } else if (ghl != null) {
        reachable(ghl, location).ifPresent(reason -> section.context().problem(path, reason));
      }
    }
    Section credlySection = section.child("credly");
    CredlyConfig credly = null;
    if (section.raw("credly") == null) {
      section.problem(
          "credly", "is required: each workspace issues from its own Credly organization");
    } else {
      credly = ConnectorBinder.credly(credlySection);
    }
    RuleSet rules = ConfigBinder.rules(section, credly);
    if (id == null || credly == null || section.context().problemCount() > before) {
      return null;
    }
    WorkspaceId workspaceId = id;
    CredlyConfig connection = credly;
    return ConfigBinder.build(
        section,
        before,
        () -> new WorkspaceConfig(workspaceId, name, listed, connection, rules, false));
  }

  /** Why the GHL connection cannot reach the location, if it cannot. */
  private static Optional<String> reachable(GhlConfig ghl, String location) {
    if (ghl.mode() == AuthMode.PRIVATE_TOKEN) {
      String tokenLocation = ghl.privateTokenLocation();
      return tokenLocation != null && !tokenLocation.equals(location)
          ? Optional.of(
              "the private token reaches only location "
                  + tokenLocation
                  + " (ghl.auth.location-id); use ghl.auth.mode: oauth to serve several locations")
          : Optional.empty();
    }
    return !ghl.locations().isEmpty() && !ghl.locations().contains(location)
        ? Optional.of(
            "location "
                + location
                + " is not in ghl.locations, the locations allowed to install the app")
        : Optional.empty();
  }

  private static String describe(Section section, WorkspaceConfig workspace) {
    return "workspace '" + workspace.id() + "' (" + section.path() + ")";
  }
}
