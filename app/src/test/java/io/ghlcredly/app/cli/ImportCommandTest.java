package io.ghlcredly.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.port.ContactDirectory;
import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.core.port.CursorStore;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.JobQueue;
import io.ghlcredly.core.sync.ContactPlanner;
import io.ghlcredly.core.sync.EventIntake;
import io.ghlcredly.core.sync.SyncCounters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The import and plan commands over in-memory services: what they print, what they write and how
 * they resume. The job workers are simulated by a queue that applies a contact's events at once.
 */
class ImportCommandTest {
  private static final LocationId LOC = new LocationId("loc-1");
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path folder;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Services services = new Services();
  private final List<Boolean> openedWithWorkers = new ArrayList<>();

  @BeforeEach
  void seedContacts() {
    for (int i = 1; i <= 7; i++) {
      services.contacts.add(
          new Contact(
              new ContactId("c" + i),
              LOC,
              "c" + i + "@example.com",
              "First",
              "Last",
              i % 3 == 0 ? Set.of("vip") : Set.of(),
              NOW.minusSeconds(100 - i)));
    }
  }

  private int run(Object command, String... args) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--config");
    // The services stand in for the application: they read no configuration.
    all.add(folder.resolve("unused.yaml").toString());
    return commandLine.execute(all.toArray(String[]::new));
  }

  private SyncServices open(ConfigFile configFile, boolean workers) {
    openedWithWorkers.add(workers);
    return services;
  }

  @Test
  void importsEveryContactWaitsUntilAppliedAndPrintsASummary() {
    int exit = run(new ImportCommand(this::open, false), "--location", "loc-1");

    assertThat(exit).isZero();
    assertThat(openedWithWorkers).containsExactly(true);
    assertThat(services.applied).hasSize(7);
    assertThat(services.inbox.events).hasSize(7);
    assertThat(out.toString())
        .contains("importing: 7/7 (100%)")
        .contains("applying: 7/7 (100%)")
        .contains("import done: 7 walked, 7 queued, 0 skipped, 3 pages in 0:00:00");
    assertThat(services.cursors.positions.get("import:loc-1")).endsWith("|complete|");
  }

  @Test
  void drawsAProgressBarOnATerminalAndStillPrintsTheSummary() {
    int exit = run(new ImportCommand(this::open, true), "--location", "loc-1");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .doesNotContain("importing:")
        .contains("import done: 7 walked, 7 queued, 0 skipped, 3 pages");
  }

  @Test
  void aSecondImportQueuesNothingNew() {
    run(new ImportCommand(this::open, false), "--location", "loc-1");

    int exit = run(new ImportCommand(this::open, false), "--location", "loc-1");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("import done: 7 walked, 0 queued, 7 skipped");
    assertThat(services.inbox.events).hasSize(7);
  }

  @Test
  void aStoppedImportExits130AndTheNextRunResumesAfterTheLastPage() {
    ImportCommand first = new ImportCommand(this::open, false);
    services.afterPage = first::requestStop;

    assertThat(run(first, "--location", "loc-1")).isEqualTo(130);
    assertThat(out.toString()).contains("import stopped; run the same command again to resume");
    assertThat(services.inbox.events).hasSize(3);

    services.afterPage = () -> {};
    assertThat(run(new ImportCommand(this::open, false), "--location", "loc-1")).isZero();
    assertThat(out.toString())
        .contains("resuming after page 1 (3 contacts)")
        .contains("import done: 7 walked, 7 queued, 0 skipped, 3 pages");
    assertThat(services.cursorsAsked).containsExactly(null, "3", "6");
  }

  @Test
  void dryRunPrintsCountsPerRuleAndTheFirstPlansAndWritesNothing() {
    int exit =
        run(
            new ImportCommand(this::open, false),
            "--location",
            "loc-1",
            "--dry-run",
            "--show",
            "1");

    assertThat(exit).isZero();
    assertThat(openedWithWorkers).containsExactly(false);
    assertThat(services.inbox.events).isEmpty();
    assertThat(services.cursors.positions).isEmpty();
    assertThat(out.toString())
        .contains("dry run: 7 contacts walked, 2 with something to do, 5 with nothing to do")
        .contains("vip-badge \u2192 issue-badge: 2")
        .contains(
            "contact c3:\n  vip-badge \u2192 issue-badge: template t-1 (because tag 'vip' added)")
        .doesNotContain("contact c6:");
  }

  @Test
  void sinceTakesADateAsMidnightUtcAndNamesItsCheckpoint() {
    int exit =
        run(new ImportCommand(this::open, false), "--location", "loc-1", "--since", "2026-01-01");

    assertThat(exit).isZero();
    assertThat(services.sinceAsked).containsOnly(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(services.cursors.positions).containsOnlyKeys("import:loc-1:2026-01-01T00:00:00Z");
  }

  @Test
  void aBadSinceIsAUsageError() {
    int exit = run(new ImportCommand(this::open, false), "--location", "loc-1", "--since", "soon");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--since: not a date");
  }

  @Test
  void planPrintsEachStepWithItsReasonAndWritesNothing() {
    int exit = run(new PlanCommand(this::open), "--contact", "c3", "--location", "loc-1");

    assertThat(exit).isZero();
    assertThat(openedWithWorkers).containsExactly(false);
    assertThat(out.toString())
        .isEqualTo(
            "contact c3:\n  vip-badge \u2192 issue-badge: template t-1 (because tag 'vip' added)\n");
    assertThat(services.inbox.events).isEmpty();
  }

  @Test
  void planSaysNothingToDoForAContactNoRuleWants() {
    int exit = run(new PlanCommand(this::open), "--contact", "c1", "--location", "loc-1");

    assertThat(exit).isZero();
    assertThat(out.toString()).isEqualTo("contact c1: nothing to do\n");
  }

  @Test
  void planFailsForAnUnknownContact() {
    int exit = run(new PlanCommand(this::open), "--contact", "nobody", "--location", "loc-1");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("no contact nobody in loc-1");
  }

  @Test
  void importWithoutLocationWalksTheDefaultLocation() {
    services.defaultLocation = "loc-1";

    int exit = run(new ImportCommand(this::open, false));

    assertThat(exit).as(err.toString()).isZero();
    assertThat(services.cursors.positions).containsOnlyKeys("import:loc-1");
  }

  @Test
  void planWithoutLocationLooksInTheDefaultLocation() {
    services.defaultLocation = "loc-1";

    int exit = run(new PlanCommand(this::open), "--contact", "nobody");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("no contact nobody in loc-1");
  }

  @Test
  void withoutLocationOrDefaultBothCommandsSayWhatToDo() {
    int importExit = run(new ImportCommand(this::open, false));
    int planExit = run(new PlanCommand(this::open), "--contact", "c1");

    assertThat(importExit).isEqualTo(2);
    assertThat(planExit).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--location is required in OAuth mode unless ghl.locations lists exactly one"
                + " location: give the id of an installed location"
                + " (GET /admin/api/accounts lists them)");
    assertThat(services.inbox.events).isEmpty();
  }

  /** Directory pages of 3, a planner wanting a badge for 'vip', an inbox and instant workers. */
  private static final class Services implements SyncServices, ContactDirectory, CrmGateway {
    final List<Contact> contacts = new ArrayList<>();
    final List<@Nullable String> cursorsAsked = new ArrayList<>();
    final List<@Nullable Instant> sinceAsked = new ArrayList<>();
    final MemoryInbox inbox = new MemoryInbox();
    final MemoryCursors cursors = new MemoryCursors();
    final Set<ContactId> applied = new LinkedHashSet<>();
    Runnable afterPage = () -> {};
    @Nullable String defaultLocation;
    private final JobQueue workers =
        contactId -> {
          inbox.markApplied(contactId);
          return applied.add(contactId);
        };

    @Override
    public Page page(LocationId location, @Nullable Instant since, @Nullable String cursor) {
      cursorsAsked.add(cursor);
      sinceAsked.add(since);
      int from = cursor == null ? 0 : Integer.parseInt(cursor);
      int to = Math.min(from + 3, contacts.size());
      afterPage.run();
      return new Page(contacts.subList(from, to), to < contacts.size() ? "" + to : null);
    }

    @Override
    public long count(LocationId location, @Nullable Instant since) {
      sinceAsked.add(since);
      return contacts.size();
    }

    @Override
    public Optional<Contact> findContact(LocationId locationId, ContactId contactId) {
      return contacts.stream().filter(c -> c.id().equals(contactId)).findFirst();
    }

    @Override
    public ContactDirectory directory() {
      return this;
    }

    @Override
    public ContactPlanner planner() {
      return contact ->
          new ContactPlanner.Plan(
              contact.id(),
              contact.tags().contains("vip")
                  ? List.of(
                      new ContactPlanner.Step(
                          "vip-badge", "issue-badge", "tag 'vip' added", "template t-1"))
                  : List.of());
    }

    @Override
    public EventIntake intake() {
      return new EventIntake(inbox, workers, new SyncCounters(), clock());
    }

    @Override
    public CursorStore cursors() {
      return cursors;
    }

    @Override
    public EventInbox inbox() {
      return inbox;
    }

    @Override
    public CrmGateway crm() {
      return this;
    }

    @Override
    public InstantSource clock() {
      return InstantSource.fixed(NOW);
    }

    @Override
    public @Nullable String defaultLocation() {
      return defaultLocation;
    }

    @Override
    public void close() {}
  }

  private static final class MemoryCursors implements CursorStore {
    final Map<String, String> positions = new HashMap<>();

    @Override
    public Optional<String> find(String name) {
      return Optional.ofNullable(positions.get(name));
    }

    @Override
    public void save(String name, String position) {
      positions.put(name, position);
    }
  }

  /** Just enough of an inbox: append with dedupe, pending per contact. */
  private static final class MemoryInbox implements EventInbox {
    final List<ReceivedEvent> events = new ArrayList<>();
    private final Set<Long> processed = new LinkedHashSet<>();

    @Override
    public boolean append(String source, SyncEvent event, String payload, Instant receivedAt) {
      if (events.stream().anyMatch(e -> e.event().eventId().equals(event.eventId()))) {
        return false;
      }
      events.add(new ReceivedEvent(events.size() + 1L, source, event, receivedAt));
      return true;
    }

    void markApplied(ContactId contactId) {
      listPending(contactId).forEach(e -> processed.add(e.sequence()));
    }

    @Override
    public List<ReceivedEvent> listPending(ContactId contactId) {
      return events.stream()
          .filter(e -> e.event().contactId().equals(contactId))
          .filter(e -> !processed.contains(e.sequence()))
          .toList();
    }

    @Override
    public void markProcessed(Collection<Long> sequences, String outcome, Instant processedAt) {
      processed.addAll(sequences);
    }

    @Override
    public List<ContactId> listContactsWithPendingBefore(Instant receivedBefore, int limit) {
      return List.of();
    }

    @Override
    public List<ContactId> listContactsActiveSince(LocationId location, Instant since, int limit) {
      return List.of();
    }

    @Override
    public boolean containsSubject(String eventType, String subjectId) {
      return false;
    }

    @Override
    public List<ReceivedEvent> listByContact(ContactId contactId, int limit) {
      return List.of();
    }

    @Override
    public List<ContactId> reopen(Collection<EventId> eventIds) {
      return List.of();
    }

    @Override
    public void hold(Collection<Long> sequences, @Nullable LocationId location, Instant heldAt) {
      processed.addAll(sequences);
    }

    @Override
    public List<ContactId> releaseHeld(LocationId location) {
      return List.of();
    }

    @Override
    public List<HeldLocation> listHeld() {
      return List.of();
    }

    @Override
    public long countAccepted() {
      return events.size();
    }
  }
}
