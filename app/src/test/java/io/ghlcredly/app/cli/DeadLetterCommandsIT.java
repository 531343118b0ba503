package io.ghlcredly.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.core.job.ContactJobHandler;
import io.ghlcredly.core.job.RetryClassifier;
import io.ghlcredly.core.job.RetryPolicy;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.core.model.JournalEntry;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.DatabaseSettings;
import io.ghlcredly.storage.DbSchedulerJobQueue;
import io.ghlcredly.storage.JdbcActionJournal;
import io.ghlcredly.storage.JdbcDeadLetterStore;
import io.ghlcredly.storage.JdbcEventInbox;
import io.ghlcredly.storage.JdbcIssuanceLedger;
import io.ghlcredly.storage.JdbcSyncStateStore;
import io.ghlcredly.storage.JobQueueSettings;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dead-letters list|show|replay} and {@code audit} against an H2 file database, run
 * in-process through picocli as an operator would run them beside a {@code serve} instance.
 */
class DeadLetterCommandsIT {
  private static final Instant FAILED_AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final ContactId ADA = new ContactId("contact-ada-7");
  private static final BadgeTemplateId TEMPLATE =
      new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000101");
  private static final RuleId RULE = new RuleId("vip-badge");
  private static final String TASK_KEY = "contact-ada-7/vip-badge/ghl-add-task/1";

  @TempDir Path folder;
  private final CommandRun commands = new CommandRun();
  private final StringWriter out = commands.out;
  private final StringWriter err = commands.err;
  private String url;
  private Path config;
  private long deadLetterId;

  @BeforeEach
  void storeAFailedContactSync() throws IOException {
    url = "jdbc:h2:file:" + folder.resolve("data/ghl-credly").toAbsolutePath();
    config = CommandRun.databaseOnlyConfig(folder, url, "");
    try (Database database = Database.open(DatabaseSettings.of(url))) {
      JdbcEventInbox inbox = new JdbcEventInbox(database);
      for (String eventId : List.of("wh-1001", "wh-1002")) {
        inbox.append(
            "ghl",
            new SyncEvent.ContactTagsUpdated(
                new EventId(eventId), ADA, new LocationId("loc-1"), FAILED_AT),
            "{}",
            FAILED_AT);
      }
      inbox.markProcessed(
          inbox.listPending(ADA).stream().map(ReceivedEvent::sequence).toList(),
          "dead-lettered",
          FAILED_AT);
      new JdbcSyncStateStore(database)
          .save(new ContactSnapshot(ADA, Set.of("vip"), FAILED_AT, FAILED_AT));
      JdbcIssuanceLedger ledger = new JdbcIssuanceLedger(database);
      ledger.claim(ADA, TEMPLATE, RULE, FAILED_AT);
      ledger.markFailed(ADA, TEMPLATE, FAILED_AT);
      JdbcActionJournal journal = new JdbcActionJournal(database);
      journal.claim(
          JournalEntry.pending(TASK_KEY, ADA, RULE, "ghl-add-task", "tag 'vip' added", FAILED_AT));
      journal.fail(TASK_KEY, "HTTP 422 from GHL", FAILED_AT);
      deadLetterId =
          new JdbcDeadLetterStore(database)
              .add(
                  new DeadLetter(
                      0,
                      "contact-sync",
                      ADA,
                      List.of(new EventId("wh-1001"), new EventId("wh-1002")),
                      "sync of " + ADA,
                      "HTTP 503 from Credly after 8 attempts",
                      8,
                      FAILED_AT,
                      null))
              .id();
    }
  }

  @Test
  void listShowsEachDeadLetterOnOneAlignedLine() {
    int exit = run("dead-letters", "list", "-c", config.toString());

    assertThat(exit).as(err.toString()).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("ID").contains("CONTACT", "ATTEMPTS", "REPLAYED", "CAUSE");
    assertThat(lines.get(1))
        .startsWith(Long.toString(deadLetterId))
        .contains("2026-03-01T10:00:00Z", "contact-sync", ADA.value(), " 8 ", "HTTP 503");
    assertThat(lines.get(1).indexOf(ADA.value())).isEqualTo(lines.get(0).indexOf("CONTACT"));
  }

  @Test
  void listAsJsonGivesTheFieldsForMachines() throws IOException {
    int exit = run("dead-letters", "list", "--json", "-c", config.toString());

    assertThat(exit).as(err.toString()).isZero();
    JsonNode letters = new ObjectMapper().readTree(out.toString());
    assertThat(letters).hasSize(1);
    JsonNode letter = letters.get(0);
    assertThat(letter.get("id").asLong()).isEqualTo(deadLetterId);
    assertThat(letter.get("contactId").asText()).isEqualTo(ADA.value());
    assertThat(letter.get("kind").asText()).isEqualTo("contact-sync");
    assertThat(letter.get("attempts").asInt()).isEqualTo(8);
    assertThat(letter.get("replayed").asBoolean()).isFalse();
    assertThat(letter.get("createdAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
  }

  @Test
  void showGivesEverythingIncludingEventIdsAndDetail() {
    int exit = run("dead-letters", "show", Long.toString(deadLetterId), "-c", config.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("wh-1001", "wh-1002", "sync of " + ADA, "HTTP 503 from Credly after 8 attempts")
        .containsPattern("replayed +-");
  }

  @Test
  void auditMergesEventsActionsAndBadgeClaimsByTime() {
    int exit = run("audit", "--contact", ADA.value(), "-c", config.toString());

    assertThat(exit).as(err.toString()).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).startsWith("TIME").contains("KIND", "WHAT", "STATE", "DETAIL");
    assertThat(lines.subList(1, lines.size()))
        .anySatisfy(line -> assertThat(line).contains("event", "contact.tags-updated", "wh-1001"))
        .anySatisfy(line -> assertThat(line).contains("event", "wh-1002"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("action", "ghl-add-task", "failed", "rule=vip-badge")
                    .contains("reason=\"tag 'vip' added\""))
        .anySatisfy(line -> assertThat(line).contains("badge", TEMPLATE.value(), "failed"));
    assertThat(lines).hasSize(5);
    assertThat(out.toString().indexOf("wh-1001"))
        .as("events at the same instant in arrival order")
        .isLessThan(out.toString().indexOf("wh-1002"));
  }

  @Test
  void replayReopensTheEventsQueuesTheJobAndMarksTheLetterReplayed() {
    int exit = run("dead-letters", "replay", Long.toString(deadLetterId), "-c", config.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("dead letter " + deadLetterId + " replayed")
        .contains("reopened its events")
        .contains(ADA.value());
    try (Database database = Database.open(DatabaseSettings.of(url))) {
      assertThat(new JdbcEventInbox(database).listPending(ADA))
          .extracting(received -> received.event().eventId().value())
          .containsExactly("wh-1001", "wh-1002");
      assertThat(queue(database).countQueued()).isEqualTo(1);
      assertThat(new JdbcDeadLetterStore(database).find(deadLetterId).orElseThrow().replayedAt())
          .isNotNull();
      assertThat(new JdbcIssuanceLedger(database).find(ADA, TEMPLATE).map(Issuance::state))
          .isNotEqualTo(Optional.of(Issuance.State.FAILED));
      assertThat(new JdbcActionJournal(database).listByContact(ADA, 10))
          .extracting(JournalEntry::state)
          .doesNotContain(JournalEntry.State.FAILED);
      assertThat(new JdbcSyncStateStore(database).find(ADA))
          .as("the contact's rules fire again as for a contact first seen")
          .isEmpty();
    }
  }

  @Test
  void replayingAgainSaysAlreadyReplayedAndQueuesNothingMore() {
    run("dead-letters", "replay", Long.toString(deadLetterId), "-c", config.toString());
    out.getBuffer().setLength(0);

    int exit = run("dead-letters", "replay", "--all", "-c", config.toString());
    int again = run("dead-letters", "replay", Long.toString(deadLetterId), "-c", config.toString());

    assertThat(exit).isZero();
    assertThat(again).isZero();
    assertThat(out.toString())
        .contains("no dead letters to replay")
        .contains("dead letter " + deadLetterId + " already replayed")
        .contains("--force");
    try (Database database = Database.open(DatabaseSettings.of(url))) {
      assertThat(queue(database).countQueued()).isEqualTo(1);
    }
  }

  @Test
  void forceReplaysAReplayedLetterAgain() {
    run("dead-letters", "replay", Long.toString(deadLetterId), "-c", config.toString());
    try (Database database = Database.open(DatabaseSettings.of(url))) {
      JdbcEventInbox inbox = new JdbcEventInbox(database);
      inbox.markProcessed(
          inbox.listPending(ADA).stream().map(ReceivedEvent::sequence).toList(),
          "applied",
          FAILED_AT);
    }
    out.getBuffer().setLength(0);

    int exit =
        run(
            "dead-letters",
            "replay",
            Long.toString(deadLetterId),
            "--force",
            "-c",
            config.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("dead letter " + deadLetterId + " replayed");
    try (Database database = Database.open(DatabaseSettings.of(url))) {
      assertThat(new JdbcEventInbox(database).listPending(ADA)).hasSize(2);
    }
  }

  @Test
  void anUnknownIdExitsTwoWithAClearErrorAndChangesNothing() {
    int replay = run("dead-letters", "replay", "999999", "-c", config.toString());
    int show = run("dead-letters", "show", "999999", "-c", config.toString());

    assertThat(replay).isEqualTo(2);
    assertThat(show).isEqualTo(2);
    assertThat(err.toString()).contains("no dead letter 999999");
    try (Database database = Database.open(DatabaseSettings.of(url))) {
      assertThat(new JdbcEventInbox(database).listPending(ADA)).isEmpty();
      assertThat(queue(database).countQueued()).isZero();
      assertThat(new JdbcDeadLetterStore(database).find(deadLetterId).orElseThrow().replayedAt())
          .isNull();
      assertThat(new JdbcIssuanceLedger(database).find(ADA, TEMPLATE))
          .map(Issuance::state)
          .contains(Issuance.State.FAILED);
      assertThat(new JdbcSyncStateStore(database).find(ADA)).isPresent();
    }
  }

  @Test
  void replayNeedsEitherAnIdOrAll() {
    int neither = run("dead-letters", "replay", "-c", config.toString());
    int both = run("dead-letters", "replay", "1", "--all", "-c", config.toString());

    assertThat(neither).isEqualTo(2);
    assertThat(both).isEqualTo(2);
    assertThat(err.toString()).contains("either a dead letter ID or --all");
  }

  @Test
  void aRunningQueueOnTheSameDatabaseRunsTheJobTheReplayQueued() {
    run("dead-letters", "replay", Long.toString(deadLetterId), "-c", config.toString());
    Set<ContactId> ran = ConcurrentHashMap.newKeySet();
    ContactJobHandler handler =
        new ContactJobHandler() {
          @Override
          public void run(ContactId contactId) {
            ran.add(contactId);
          }

          @Override
          public void giveUp(ContactId contactId, String cause, int attempts) {}
        };

    try (Database database = Database.open(DatabaseSettings.of(url));
        DbSchedulerJobQueue serving =
            DbSchedulerJobQueue.create(
                database,
                new JobQueueSettings(
                    1,
                    Duration.ofMillis(100),
                    Duration.ofSeconds(1),
                    Duration.ofHours(1),
                    Duration.ofSeconds(1)),
                InstantSource.system())) {
      serving.start(
          handler,
          new RetryClassifier(RetryPolicy.defaults(), RandomGenerator.getDefault()),
          () -> {});
      await().atMost(Duration.ofSeconds(10)).until(() -> ran.contains(ADA));
    }
  }

  private static DbSchedulerJobQueue queue(Database database) {
    return DbSchedulerJobQueue.create(
        database, JobQueueSettings.defaults(), InstantSource.system());
  }

  private int run(String... args) {
    return commands.run(args);
  }
}
