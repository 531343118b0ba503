package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.JournalEntry;
import io.ghlcredly.ghl.GhlClient;
import io.ghlcredly.ghl.GhlSettings;
import io.ghlcredly.ghl.api.CreateTaskRequest;
import io.ghlcredly.ghl.api.GhlNote;
import io.ghlcredly.ghl.api.GhlTask;
import io.ghlcredly.testkit.credly.Badge;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flows of the brief through the whole service on H2, configured in YAML only: GHL tasks become
 * badges, Credly's badge events write back to GHL, and contacts become Credly records.
 */
class RuleFlowsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String EXAM_TEMPLATE = "3f1c9d2e-0000-4000-8000-000000000202";

  @TempDir Path folder;
  private @Nullable DemoEnvironment running;

  @AfterEach
  void stopEverything() {
    if (running != null) {
      running.close();
    }
  }

  private DemoEnvironment start(DemoEnvironment.Extras extras) {
    DemoEnvironment started = DemoEnvironment.start(folder, Duration.ofMillis(200), null, extras);
    running = started;
    return started;
  }

  private DemoEnvironment env() {
    return Objects.requireNonNull(running);
  }

  @Test
  void badgeIssuedAndAcceptedWritesTaskTagAndNoteBackToGhl() {
    DemoEnvironment env =
        start(
            new DemoEnvironment.Extras(
                "",
                """
                  - id: badge-issued
                    when: { credly-badge: created }
                    do:
                      - ghl-create-task: { title: "Accept your badge: {{badge.name}}", due-in: 7d }
                  - id: badge-accepted
                    when: { credly-badge: accepted }
                    do:
                      - ghl-add-tag: credly-accepted
                      - ghl-add-note: "Accepted {{badge.name}}: {{badge.url}}"
                      - ghl-complete-task: { title-matches: "Accept your badge*" }
                """,
                Map.of()));
    String ada = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");

    env.ghl().addTags(ada, DemoEnvironment.TAG);
    await().atMost(WAIT).until(() -> tasks(ada).size() == 1);
    Badge badge = env.credly().badges().get(0);
    env.credly().acceptBadge(badge.id());

    await().atMost(WAIT).until(() -> env.ghl().tags(ada).contains("credly-accepted"));
    await().atMost(WAIT).until(() -> !notes(ada).isEmpty());
    await().atMost(WAIT).until(() -> Boolean.TRUE.equals(tasks(ada).get(0).completed()));
    GhlTask task = tasks(ada).get(0);
    assertThat(task.title()).isEqualTo("Accept your badge: Course 101 Complete");
    assertThat(notes(ada))
        .extracting(GhlNote::body)
        .singleElement()
        .satisfies(
            body ->
                assertThat(body)
                    .startsWith("Accepted Course 101 Complete: http")
                    .contains(badge.id()));
    await().atMost(WAIT).until(() -> env.engine().queuedJobs() == 0);
    assertThat(env.credly().badges()).hasSize(1);
    assertThat(tasks(ada)).hasSize(1);
  }

  @Test
  void completingTheExamTaskInGhlIssuesTheExamBadge() {
    DemoEnvironment env =
        start(
            new DemoEnvironment.Extras(
                "",
                """
                  - id: exam-passed
                    when: { task-completed: { title-matches: "Certification exam*" } }
                    do:
                      - issue-badge: { template: %s, evidence: "Passed {{task.title}}" }
                """
                    .formatted(EXAM_TEMPLATE),
                Map.of()));
    BadgeTemplate exam = env.credly().seedTemplate(EXAM_TEMPLATE, "Certified", false);
    String ada = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");
    GhlClient ghl = ghlClient();
    String onboarding = createTask(ghl, ada, "Onboarding call");
    String examTask = createTask(ghl, ada, "Certification exam – level 1");

    ghl.completeTask(new ContactId(ada), onboarding, true);
    ghl.completeTask(new ContactId(ada), examTask, true);

    await().atMost(WAIT).until(() -> env.credly().countBadges(exam.id(), ada) == 1);
    await().atMost(WAIT).until(() -> env.engine().queuedJobs() == 0);
    assertThat(env.credly().badges()).hasSize(1);
    assertThat(journal(ada))
        .filteredOn(entry -> entry.action().equals("issue-badge"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.reason()).contains(examTask));
  }

  @Test
  void contactChangesKeepTheCredlyRecordInStepOnlyWhenMappedFieldsChange() {
    DemoEnvironment env =
        start(
            new DemoEnvironment.Extras(
                """
                mapping:
                  record:
                    external-id: "{{contact.id}}"
                    email: "{{contact.email | trim | lower}}"
                    first-name: "{{contact.firstName}}"
                    last-name: "{{contact.lastName}}"
                """,
                "",
                Map.of("GCS_CREDLY_RECORDS", "employees")));
    env.credly().enableWorkforce(true);
    String ada = env.ghl().createContact("Ada", "Lovelace", "Ada@Example.com");
    await().atMost(WAIT).until(() -> env.credly().employees().size() == 1);

    env.ghl().addTags(ada, "unmapped");
    await().atMost(WAIT).until(() -> env.engine().queuedJobs() == 0);

    assertThat(env.credly().employees())
        .singleElement()
        .satisfies(
            employee -> {
              assertThat(employee.externalId()).isEqualTo(ada);
              assertThat(employee.email()).isEqualTo("ada@example.com");
            });
    assertThat(
            journal(ada).stream().filter(entry -> entry.action().equals("upsert-record")).count())
        .isEqualTo(1);
  }

  private List<JournalEntry> journal(String contactId) {
    return env().engine().stores().journal().listByContact(new ContactId(contactId), 50);
  }

  private GhlClient ghlClient() {
    return GhlClient.create(
        new GhlSettings(
            env().ghl().baseUrl(),
            GhlSettings.DEFAULT_API_VERSION,
            env().ghl().accessToken(),
            GhlSettings.DEFAULT_TIMEOUT));
  }

  private static String createTask(GhlClient ghl, String contactId, String title) {
    GhlTask task =
        Objects.requireNonNull(
            ghl.createTask(
                    new ContactId(contactId),
                    new CreateTaskRequest(title, null, "2026-12-31T00:00:00.000Z", false, null))
                .task());
    return Objects.requireNonNull(task.id());
  }

  private List<GhlTask> tasks(String contactId) {
    return ghlClient().listTasks(new ContactId(contactId)).tasks();
  }

  private List<GhlNote> notes(String contactId) {
    return ghlClient().listNotes(new ContactId(contactId)).notes();
  }
}
