package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.sync.Reconciler;
import io.ghlcredly.ghl.GhlClient;
import io.ghlcredly.ghl.GhlSettings;
import io.ghlcredly.ghl.api.CreateTaskRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciliation pass on the whole service: a change whose webhook was lost is found by polling
 * and synced once; a change a webhook already applied is not queued again.
 */
class ReconcileIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path folder;
  private DemoEnvironment env;
  private String templateId;
  private String cursorName;

  @BeforeEach
  void startEverything() {
    env = DemoEnvironment.start(folder, Duration.ofMillis(200), Duration.ofSeconds(1));
    templateId = env.template().id();
    cursorName = Reconciler.cursorName(new LocationId(env.ghl().locationId()));
  }

  @AfterEach
  void stopEverything() {
    env.close();
  }

  @Test
  void issuesOneBadgeForATagWhoseWebhookWasLost() {
    String ada = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");

    env.ghl().addTagsSilently(ada, DemoEnvironment.TAG);

    await().atMost(WAIT).until(() -> env.credly().countBadges(templateId, ada) == 1);
    assertThat(env.ghl().deliveries()).isEmpty();
    Instant changed = dateUpdated(ada);
    await().atMost(WAIT).until(() -> cursor().filter(at -> !at.isBefore(changed)).isPresent());
    awaitPasses(2);
    awaitIdle();
    assertThat(env.credly().countBadges(templateId, ada)).isEqualTo(1);
    assertThat(env.credly().badges()).hasSize(1);
  }

  @Test
  void doesNotQueueAgainAChangeAWebhookAlreadyApplied() {
    String ben = env.ghl().seedContact("Ben", "Lost", "ben@example.com");
    env.ghl().addTagsSilently(ben, DemoEnvironment.TAG);
    await().atMost(WAIT).until(() -> env.credly().countBadges(templateId, ben) == 1);
    String ada = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");

    env.ghl().addTags(ada, DemoEnvironment.TAG); // with its webhook, the newest change
    await().atMost(WAIT).until(() -> env.credly().countBadges(templateId, ada) == 1);
    Instant changed = dateUpdated(ada);
    await()
        .atMost(WAIT)
        .until(
            () ->
                env.engine()
                    .stores()
                    .state()
                    .find(new ContactId(ada))
                    .filter(snapshot -> changed.equals(snapshot.dateUpdated()))
                    .isPresent());
    await().atMost(WAIT).until(() -> cursor().filter(at -> !at.isBefore(changed)).isPresent());
    awaitIdle();
    long accepted = env.engine().stores().inbox().countAccepted();
    long duplicates = env.engine().counters().eventsDuplicate();

    // The cursor is inclusive: each later pass sees ada's change again, and must skip it.
    awaitPasses(3);

    assertThat(env.engine().stores().inbox().countAccepted()).isEqualTo(accepted);
    assertThat(env.engine().counters().eventsDuplicate()).isEqualTo(duplicates);
    assertThat(env.engine().queuedJobs()).isZero();
    assertThat(env.credly().badges()).hasSize(2);
  }

  @Test
  void reportsATaskCompletionWhoseWebhookWasLost() {
    String ada = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");
    GhlClient api =
        GhlClient.create(
            new GhlSettings(
                env.ghl().baseUrl(),
                GhlSettings.DEFAULT_API_VERSION,
                env.ghl().accessToken(),
                GhlSettings.DEFAULT_TIMEOUT));
    String taskId =
        Objects.requireNonNull(
            Objects.requireNonNull(
                    api.createTask(
                            new ContactId(ada),
                            new CreateTaskRequest(
                                "Certification exam",
                                null,
                                "2026-12-01T10:00:00.000Z",
                                false,
                                null))
                        .task())
                .id());
    // The TaskCreate webhook makes ada recently active: the pass looks at her tasks.
    await()
        .atMost(WAIT)
        .until(() -> env.engine().stores().inbox().containsSubject("task.created", taskId));

    env.ghl().completeTaskSilently(ada, taskId);

    await()
        .atMost(WAIT)
        .until(() -> env.engine().stores().inbox().containsSubject("task.completed", taskId));
    long accepted = env.engine().stores().inbox().countAccepted();
    awaitPasses(2);
    assertThat(env.engine().stores().inbox().countAccepted()).isEqualTo(accepted);
    assertThat(env.ghl().deliveries())
        .extracting(delivery -> delivery.type())
        .containsExactly("TaskCreate");
  }

  private Optional<Instant> cursor() {
    return env.engine().stores().cursors().find(cursorName).map(Instant::parse);
  }

  private Instant dateUpdated(String contactId) {
    return Instant.parse(env.ghl().contact(contactId).orElseThrow().get("dateUpdated").asText());
  }

  /** Waits until the pass has searched HighLevel {@code passes} more times. */
  private void awaitPasses(int passes) {
    long before = searches();
    await().atMost(WAIT).until(() -> searches() >= before + passes);
  }

  private long searches() {
    return env.ghl().requests().stream()
        .filter(request -> request.path().equals("/contacts/search"))
        .count();
  }

  private void awaitIdle() {
    await().atMost(WAIT).until(() -> env.engine().queuedJobs() == 0);
  }
}
