package io.ghlcredly.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.Main;
import io.ghlcredly.app.ReadmeExample;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.process.ChildJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GHL loses every webhook (it resends only after a 429) while {@code serve} runs in private-token
 * mode with the README's example configuration, unchanged but for the environment: the emulators'
 * addresses, tokens and location, a free port, and a reconciliation pass every 2 s instead of 15
 * minutes. Tags added, exam tasks completed and contacts created in GHL reach the sync through the
 * pass alone: every change gets its badge or Workforce record, once.
 */
class DroppedWebhooksIT {
  /** The badge templates the README example's rules name. */
  private static final String COURSE_TEMPLATE = "3f1c9d2e-0000-4000-8000-000000000101";

  private static final String EXAM_TEMPLATE = "3f1c9d2e-0000-4000-8000-000000000202";
  private static final String COURSE_TAG = "course-101-complete";
  private static final String EXAM_TASK = "Certification exam: final";

  /**
   * Each wait's bound: the pass lists the tasks of recently active contacts one call each, at the
   * bulk share of the location's budget (about one call a second).
   */
  private static final Duration CONVERGE =
      Duration.ofMinutes(2).plusSeconds(2L * FaultSizes.droppedContacts());

  @TempDir Path folder;
  private final GhlEmulator ghl = GhlEmulator.start();
  private final CredlyEmulator credly = CredlyEmulator.start();
  private @Nullable ChildJvm serve;

  @AfterEach
  void stopEverything() {
    if (serve != null) {
      serve.close();
    }
    ghl.close();
    credly.close();
  }

  @Test
  void reconciliationFindsEveryChangeWhoseWebhookWasLostWithTheReadmeExample() throws Exception {
    credly.seedTemplate(COURSE_TEMPLATE, "Course 101 Complete", true);
    credly.seedTemplate(EXAM_TEMPLATE, "Certified", true);
    credly.enableWorkforce(true);
    int size = FaultSizes.droppedContacts();
    List<String> contacts = ghl.seedContacts(size);
    Map<String, String> examTasks = new HashMap<>();
    for (int i = 1; i < size; i += 3) {
      examTasks.put(contacts.get(i), ghl.seedTask(contacts.get(i), EXAM_TASK));
    }
    Path config = folder.resolve("ghl-credly.yaml");
    Files.writeString(config, ReadmeExample.configuration(), StandardCharsets.UTF_8);
    int port = freePort();
    ChildJvm.Builder builder =
        ChildJvm.of(Main.class.getName())
            .name("serve")
            .workDir(folder)
            .jvmOption("-Xmx512m")
            .args("serve", "-c", config.toString());
    environment(port).forEach(builder::env);
    ChildJvm started = builder.start();
    serve = started;
    started.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/health/live"), KillRig.START);
    ghl.sendWebhooksTo(URI.create("http://127.0.0.1:" + port + "/webhooks/ghl"));
    ghl.dropWebhooks(1.0);

    // The first pass finds every contact (a Workforce record each, by the example's records).
    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> credly.employees().size() >= size);

    Instant changed = Instant.now();
    Set<String> tagged = new HashSet<>();
    for (int i = 0; i < size; i += 3) {
      ghl.addTags(contacts.get(i), COURSE_TAG);
      tagged.add(contacts.get(i));
    }
    examTasks.forEach(ghl::completeTaskSilently);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < Math.max(1, size / 6); i++) {
      created.add(ghl.createContact("New", "Student " + i, "new-" + i + "@example.com"));
    }
    boolean foundInTime = true;
    try {
      await()
          .atMost(CONVERGE)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  Tally.badges(credly, COURSE_TEMPLATE, tagged).held() >= tagged.size()
                      && Tally.badges(credly, EXAM_TEMPLATE, examTasks.keySet()).held()
                          >= examTasks.size()
                      && credly.employees().size() >= size + created.size());
    } catch (ConditionTimeoutException e) {
      // Counted and reported below, so that the figures show what is missing.
      foundInTime = false;
    }
    Duration found = Duration.between(changed, Instant.now());
    Tally course = Tally.badges(credly, COURSE_TEMPLATE, tagged);
    Tally exam = Tally.badges(credly, EXAM_TEMPLATE, examTasks.keySet());
    long records = credly.employees().size();

    new FaultReport("dropped", "Every webhook lost, README example configuration (private token)")
        .figure("contacts at the start", size)
        .figure("tags added in GHL (webhook lost)", tagged.size())
        .figure("exam tasks completed in GHL (no webhook: GHL sends none)", examTasks.size())
        .figure("contacts created in GHL (webhook lost)", created.size())
        .figure("webhooks lost by GHL / delivered", ghl.webhooksDropped() + " / 0")
        .figure("course badges expected / held", course.expected() + " / " + course.held())
        .figure("exam badges expected / held", exam.expected() + " / " + exam.held())
        .figure("Workforce records expected / held", (size + created.size()) + " / " + records)
        .figure("losses", course.losses() + exam.losses())
        .figure("duplicates", course.duplicates() + exam.duplicates())
        .figure(
            "time until every change was applied",
            foundInTime ? found.toSeconds() + " s" : "not within " + CONVERGE.toSeconds() + " s")
        .notes(
            """
            `serve` in its own JVM with the README's example configuration file as written
            (private token, `ghl.auth.location-id` from the environment), the emulators'
            addresses, tokens and organization from `GCS_…` overrides, and
            `GCS_GHL_RECONCILE_EVERY=2s` (the example keeps the default 15 minutes). The
            GHL emulator drops every webhook; only the reconciliation pass can find the
            changes.""")
        .publish();
    assertThat(foundInTime).as("every change applied within %s", CONVERGE).isTrue();
    assertThat(ghl.deliveries()).isEmpty();
    assertThat(ghl.webhooksDropped()).isEqualTo(tagged.size() + created.size());
    assertThat(course.exact()).as("course badges %s", course).isTrue();
    assertThat(exam.exact()).as("exam badges %s", exam).isTrue();
    assertThat(records).isEqualTo(size + created.size());
    assertThat(started.output())
        .as("the startup log says what reconciliation covers")
        .contains("reconciliation on")
        .contains(ghl.locationId());
  }

  /** The variables the example's {@code ${…}} references need, and the overrides of the run. */
  private Map<String, String> environment(int port) {
    return Map.of(
        "GHL_PRIVATE_TOKEN", ghl.accessToken().reveal(),
        "GHL_LOCATION_ID", ghl.locationId(),
        "CREDLY_ORG_TOKEN", credly.authToken().reveal(),
        "GCS_SERVER_PORT", Integer.toString(port),
        "GCS_GHL_BASE_URL", ghl.baseUrl().toString(),
        "GCS_CREDLY_BASE_URL", credly.baseUrl().toString(),
        "GCS_CREDLY_ORGANIZATION_ID", credly.organizationId(),
        "GCS_GHL_RECONCILE_EVERY", "2s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
