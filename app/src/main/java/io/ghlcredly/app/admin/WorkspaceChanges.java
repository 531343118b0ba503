package io.ghlcredly.app.admin;

import io.ghlcredly.app.workspace.HeldEvents;
import io.ghlcredly.app.workspace.WorkspaceDirectory;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.core.port.ChangeLog;
import io.ghlcredly.core.port.WorkspaceStore;
import io.ghlcredly.web.Actor;
import io.ghlcredly.web.admin.AdminViews.WorkspaceOutcome;
import java.text.Normalizer;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What admins change about workspaces: create one, assign a location to one (its held events go
 * back to work at once), take a location out, limit an operator to some. A location the
 * configuration file assigns stays where the file puts it. Every change goes into the change log
 * with its actor. Thread-safe.
 */
final class WorkspaceChanges {
  static final int MAX_NAME = 100;
  private static final int MAX_LOCATION = 100;

  private final WorkspaceDirectory directory;
  private final WorkspaceStore store;
  private final HeldEvents held;
  private final ChangeLog changes;
  private final InstantSource clock;

  WorkspaceChanges(
      WorkspaceDirectory directory,
      WorkspaceStore store,
      HeldEvents held,
      ChangeLog changes,
      InstantSource clock) {
    this.directory = directory;
    this.store = store;
    this.held = held;
    this.changes = changes;
    this.clock = clock;
  }

  WorkspaceOutcome create(String idText, String nameText, Actor actor) {
    String name = nameText.strip();
    if (name.isEmpty()) {
      return refused(400, "name", "Enter a name for the workspace.");
    }
    if (name.length() > MAX_NAME) {
      return refused(400, "name", "The name can be " + MAX_NAME + " characters at most.");
    }
    String id = idText.strip().isEmpty() ? idFrom(name) : idText.strip();
    if (id.isEmpty()) {
      return refused(400, "id", "Enter an id: the name has no letters or digits to make one.");
    }
    if (!WorkspaceId.isValid(id)) {
      return refused(
          400,
          "id",
          "An id is 1 to 40 lower-case letters, digits or dashes, starting and ending with a letter"
              + " or digit, such as north-academy.");
    }
    WorkspaceId workspace = new WorkspaceId(id);
    if (directory.exists(workspace)
        || !store.createWorkspace(
            new WorkspaceStore.StoredWorkspace(workspace, name, clock.instant(), actor.name()))) {
      return refused(409, "id", "There is already a workspace with the id " + id + ".");
    }
    record(actor, "created workspace " + name, id);
    return new WorkspaceOutcome(201, null, "Workspace " + name + " (" + id + ") created.");
  }

  /** An id made from a name: lower case, accents dropped, dashes between words, 40 at most. */
  static String idFrom(String name) {
    String plain =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    String cut = plain.length() > 40 ? plain.substring(0, 40) : plain;
    return cut.replaceAll("-+$", "");
  }

  WorkspaceOutcome assign(String workspaceText, String locationText, Actor actor) {
    Optional<WorkspaceDirectory.Workspace> workspace = workspace(workspaceText);
    if (workspace.isEmpty()) {
      return refused(404, "workspace", "Choose a workspace: there is none with that id.");
    }
    String locationValue = locationText.strip();
    if (locationValue.isEmpty() || locationValue.length() > MAX_LOCATION) {
      return refused(400, "location", "Choose a location.");
    }
    LocationId location = new LocationId(locationValue);
    if (directory.assignedByFile(location)) {
      return refused(
          409,
          "location",
          "The configuration file assigns location "
              + location
              + " to "
              + directory.workspaceOf(location).map(WorkspaceId::value).orElse("a workspace")
              + ": change it in the file.");
    }
    WorkspaceId id = workspace.get().id();
    store.assign(new WorkspaceStore.Assignment(location, id, clock.instant(), actor.name()));
    record(actor, "assigned location " + location + " to workspace " + id, location.value());
    List<ContactId> released = held.release(location);
    return new WorkspaceOutcome(
        200,
        null,
        "Location "
            + location
            + " is in "
            + workspace.get().name()
            + (released.isEmpty()
                ? "."
                : ": the waiting events of " + released.size() + " contact(s) are being applied."));
  }

  WorkspaceOutcome unassign(String workspaceText, String locationText, Actor actor) {
    Optional<WorkspaceDirectory.Workspace> workspace = workspace(workspaceText);
    String locationValue = locationText.strip();
    if (workspace.isEmpty() || locationValue.isEmpty()) {
      return refused(404, null, "No such location in that workspace.");
    }
    LocationId location = new LocationId(locationValue);
    if (directory.assignedByFile(location)) {
      return refused(
          409, null, "The configuration file assigns location " + location + ": change it there.");
    }
    WorkspaceId id = workspace.get().id();
    if (!store.assignmentOf(location).map(id::equals).orElse(false) || !store.unassign(location)) {
      return refused(404, null, "No such location in that workspace.");
    }
    record(actor, "took location " + location + " out of workspace " + id, location.value());
    return new WorkspaceOutcome(
        200, null, "Location " + location + " is out of " + workspace.get().name() + ".");
  }

  WorkspaceOutcome limit(OperatorId operator, String email, Set<String> ids, Actor actor) {
    Set<WorkspaceId> workspaces = new LinkedHashSet<>();
    for (String text : ids) {
      Optional<WorkspaceDirectory.Workspace> found = workspace(text);
      if (found.isEmpty()) {
        return refused(400, "workspace", "No workspace has the id " + text + ".");
      }
      workspaces.add(found.get().id());
    }
    store.limit(operator, workspaces);
    record(
        actor,
        workspaces.isEmpty()
            ? "let see every workspace"
            : "limited to workspaces "
                + String.join(", ", workspaces.stream().map(WorkspaceId::value).toList()),
        email);
    return new WorkspaceOutcome(200, null, "Workspaces changed.");
  }

  private Optional<WorkspaceDirectory.Workspace> workspace(String text) {
    return WorkspaceId.isValid(text) ? directory.find(new WorkspaceId(text)) : Optional.empty();
  }

  private static WorkspaceOutcome refused(int status, @Nullable String field, String message) {
    return new WorkspaceOutcome(status, field, message);
  }

  private void record(Actor actor, String action, String subject) {
    changes.record(new ChangeLog.Change(clock.instant(), actor.name(), action, subject, null));
  }
}
