package io.ghlcredly.app.admin;

import io.ghlcredly.app.Application;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.JournalEntry;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.core.port.ChangeLog;
import io.ghlcredly.core.port.WorkspaceStore;
import io.ghlcredly.storage.JdbcActionJournal;
import io.ghlcredly.storage.JdbcAdminSessionStore;
import io.ghlcredly.storage.JdbcChangeLog;
import io.ghlcredly.storage.JdbcEventInbox;
import io.ghlcredly.storage.JdbcIssuanceLedger;
import io.ghlcredly.storage.JdbcLocationNames;
import io.ghlcredly.storage.JdbcOperatorStore;
import io.ghlcredly.storage.JdbcSyncStateStore;
import io.ghlcredly.storage.JdbcWorkspaceStore;
import io.ghlcredly.web.operators.InviteResult;
import io.ghlcredly.web.operators.OperatorServices;
import io.ghlcredly.web.operators.SetPasswordResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A service of two workspaces against the emulators: "Main Academy" ({@code academy}) in the
 * configuration file, serving the emulator's location with its own Credly organization and rules,
 * and "North Academy" ({@code north}) created in the browser, serving {@code loc-north}. The demo
 * writes its configuration; this rewrites it with a {@code workspaces:} section and starts the
 * service again on the same database (the demo's admin operator stays).
 */
final class TwoWorkspaces implements AutoCloseable {
  static final WorkspaceId ACADEMY = new WorkspaceId("academy");
  static final WorkspaceId NORTH = new WorkspaceId("north");
  static final LocationId NORTH_LOCATION = new LocationId("loc-north");

  private final DemoEnvironment env;
  private final Application app;

  private TwoWorkspaces(DemoEnvironment env, Application app) {
    this.env = env;
    this.app = app;
  }

  static TwoWorkspaces start(Path folder, DemoEnvironment.Extras extras) {
    DemoEnvironment env = DemoEnvironment.start(folder, Duration.ofMillis(200), null, extras);
    try {
      env.stopEngine();
      Path file = env.configFile();
      Files.writeString(file, withWorkspaces(Files.readString(file), env.ghl().locationId()));
      Application app =
          Application.start(
              ConfigLoader.load(file, Map.of()),
              DemoEnvironment.briskJobs(2, Duration.ofMillis(200)),
              InstantSource.system());
      TwoWorkspaces started = new TwoWorkspaces(env, app);
      started
          .workspaceStore()
          .createWorkspace(
              new WorkspaceStore.StoredWorkspace(NORTH, "North Academy", Instant.now(), "test"));
      started
          .workspaceStore()
          .assign(new WorkspaceStore.Assignment(NORTH_LOCATION, NORTH, Instant.now(), "test"));
      new JdbcLocationNames(app.database()).save(NORTH_LOCATION, "North Academy HQ", Instant.now());
      return started;
    } catch (IOException e) {
      env.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  /** The demo's file with its Credly connection and rules moved into one workspace. */
  private static String withWorkspaces(String text, String location) {
    int credly = text.indexOf("\ncredly:\n") + 1;
    int jobs = text.indexOf("\njobs:\n") + 1;
    int rules = text.indexOf("\nrules:\n") + 1;
    String credlyBlock = text.substring(credly + "credly:\n".length(), jobs);
    String rulesBlock = text.substring(rules + "rules:\n".length());
    return text.substring(0, credly)
        + text.substring(jobs, rules)
        + "workspaces:\n"
        + "  - id: academy\n"
        + "    name: Main Academy\n"
        + "    locations: [\""
        + location
        + "\"]\n"
        + "    credly:\n"
        + indent(credlyBlock)
        + "    rules:\n"
        + indent(rulesBlock);
  }

  private static String indent(String block) {
    return block
        .lines()
        .map(line -> line.isBlank() ? line : "    " + line)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  Application app() {
    return app;
  }

  DemoEnvironment env() {
    return env;
  }

  String academyLocation() {
    return env.ghl().locationId();
  }

  WorkspaceStore workspaceStore() {
    return new JdbcWorkspaceStore(app.database());
  }

  /** A contact of the location with an applied event, a journal entry, a dead letter, a change. */
  DeadLetter seedContact(String contact, LocationId location) {
    Instant now = Instant.now();
    ContactId id = new ContactId(contact);
    new JdbcSyncStateStore(app.database())
        .save(new ContactSnapshot(id, Set.of("vip"), now, now, location, Map.of(), null));
    JdbcEventInbox inbox = new JdbcEventInbox(app.database());
    EventId event = new EventId("event-" + contact);
    inbox.append("ghl", new SyncEvent.ContactTagsUpdated(event, id, location, now), "{}", now);
    long sequence = inbox.listByContact(id, 1).get(0).sequence();
    inbox.markProcessed(List.of(sequence), "applied", now);
    new JdbcActionJournal(app.database())
        .claim(
            new JournalEntry(
                "key-" + contact,
                id,
                new RuleId("course-101"),
                "issue-badge",
                "tag vip",
                JournalEntry.State.FAILED,
                "refused",
                null,
                now,
                now));
    new JdbcChangeLog(app.database())
        .record(new ChangeLog.Change(now, "someone@example.com", "replayed", contact, id));
    return app.stores()
        .deadLetters()
        .add(
            new DeadLetter(
                0,
                "contact-sync",
                id,
                List.of(event),
                "detail " + contact,
                "HTTP 422",
                5,
                now,
                null));
  }

  /**
   * Gives a seeded contact a name and email in its snapshot (as the engine keeps them) and an
   * issued badge in the ledger.
   */
  void namePerson(
      String contact, LocationId location, String firstName, String email, String badge) {
    Instant now = Instant.now();
    ContactId id = new ContactId(contact);
    new JdbcSyncStateStore(app.database())
        .save(
            new ContactSnapshot(
                id,
                Set.of("vip"),
                now,
                now,
                location,
                Map.of("firstName", firstName, "lastName", "Lovelace", "email", email),
                null));
    JdbcIssuanceLedger ledger = new JdbcIssuanceLedger(app.database());
    BadgeTemplateId template = new BadgeTemplateId(badge);
    ledger.claim(id, template, new RuleId("course-101"), now);
    ledger.markIssued(id, template, "badge-of-" + contact, now);
  }

  /** Events of a contact of a location in no workspace, held as the engine holds them. */
  void seedHeld(String contact, LocationId location) {
    Instant now = Instant.now();
    JdbcEventInbox inbox = new JdbcEventInbox(app.database());
    ContactId id = new ContactId(contact);
    inbox.append(
        "ghl",
        new SyncEvent.ContactTagsUpdated(new EventId("held-" + contact), id, location, now),
        "{}",
        now);
    inbox.hold(List.of(inbox.listByContact(id, 1).get(0).sequence()), location, now);
  }

  /**
   * An operator with a password, limited to some workspaces (none: every one).
   *
   * @return the operator's password
   */
  String addOperator(String email, OperatorRole role, Set<WorkspaceId> workspaces) {
    OperatorServices services =
        OperatorServices.create(
            new JdbcOperatorStore(app.database()),
            new JdbcAdminSessionStore(app.database()),
            InstantSource.system());
    InviteResult invited = services.operators().invite(email, null, role, "test");
    if (!(invited instanceof InviteResult.Invited link)) {
      throw new IllegalStateException("cannot invite " + email + ": " + invited);
    }
    String password = "password of " + email;
    if (!(services.passwords().setPasswordWithInvite(link.token(), password)
        instanceof SetPasswordResult.PasswordSet)) {
      throw new IllegalStateException("cannot set the password of " + email);
    }
    workspaceStore().limit(link.operator().id(), workspaces);
    return password;
  }

  @Override
  public void close() {
    app.close();
    env.close();
  }
}
