package io.ghlcredly.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.WebhookDelivery;
import io.ghlcredly.testkit.process.ChildJvm;
import io.ghlcredly.testkit.server.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the engine on the embedded default (H2), the path most users take. H2's file belongs
 * to one process, so the import runs on its own (it applies its contacts itself) and is killed and
 * resumed; then {@code serve} takes a storm of signed webhooks (40 a second, one contact each) and
 * is killed and restarted during it. Credly sometimes loses its answer after creating a badge (a
 * reset). Every webhook answered 2xx must be in the inbox and applied after the restarts (GHL does
 * not resend those), every qualifying contact holds one badge, and the notes and tasks written back
 * to GHL exist once each.
 */
class H2KillRestartIT {
  private static final String TAG = "course-101-complete";
  private static final String HONOURS = "honours";
  private static final String NOTE = "Honours: ";
  private static final String TASK = "Call about honours: ";
  private static final int STORM_PER_SECOND = 40;

  /** Each wait's bound: five minutes, plus one per 2,000 contacts. */
  private static final Duration CONVERGE = Duration.ofMinutes(5 + FaultSizes.contacts() / 2000);

  @TempDir Path folder;
  private final GhlEmulator ghl = GhlEmulator.start();
  private final CredlyEmulator credly = CredlyEmulator.startWithConnectionFaults();
  private final long seed = FaultSizes.seed();
  private @Nullable KillRig rig;

  @AfterEach
  void stopEverything() {
    if (rig != null) {
      rig.close();
    }
    ghl.close();
    credly.close();
  }

  @Test
  void losesNoAcceptedWebhookAndDoesNothingTwiceThroughKillsOnTheEmbeddedDatabase()
      throws Exception {
    // Duplicates allowed: a badge issued twice would show as two.
    BadgeTemplate template =
        credly.seedTemplate(UUID.randomUUID().toString(), "Course 101 Complete", true);
    credly.inject(Fault.reset("POST", "/organizations/", Fault.ALWAYS).withProbability(0.03));
    int size = FaultSizes.contacts();
    SeededContacts seeded = SeededContacts.seed(ghl, size, TAG, HONOURS);
    List<String> contacts = seeded.all();
    Set<String> qualifying = seeded.qualifying();
    Set<String> honours = seeded.honours();
    List<String> others = seeded.others();
    Path database = folder.resolve("data").resolve("ghl-credly").toAbsolutePath();
    ServiceYaml yaml =
        new ServiceYaml(ghl, credly, "jdbc:h2:file:" + database)
            .retries(20, Duration.ofMillis(500), Duration.ofSeconds(5))
            .rules(
                """
                - id: course-101
                  when: { tag-added: %s }
                  do:
                    - issue-badge: { template: %s, evidence: "Completed Course 101" }
                - id: honours
                  when: { tag-added: %s }
                  do:
                    - ghl-add-note: "%s{{contact.firstName}} {{contact.lastName}}"
                    - ghl-create-task: { title: "%s{{contact.firstName}}", due-in: 7d }
                """
                    .formatted(TAG, template.id(), HONOURS, NOTE, TASK));
    KillRig rig = new KillRig(ghl, yaml, folder, seed);
    this.rig = rig;
    int importKills = Math.max(1, FaultSizes.kills() / 2);
    int stormKills = Math.max(2, (FaultSizes.kills() + 1) / 2);
    Instant began = Instant.now();

    // Phase 1: the import alone (H2 admits one process), killed when its badges reach points.
    ChildJvm importer = rig.startImport();
    int importKillsDone = 0;
    for (long at : rig.randomPoints(importKills, qualifying.size())) {
      ChildJvm walking = importer;
      await()
          .atMost(CONVERGE)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> issued(template) >= at || !walking.isAlive());
      if (importer.isAlive()) {
        importer.kill();
        importKillsDone++;
      }
      if (importer.exitValue() != 0) {
        importer = rig.startImport();
      }
    }
    ChildJvm lastImport = importer;
    assertThat(lastImport.waitFor(CONVERGE)).as(lastImport.tail()).isTrue();
    assertThat(lastImport.exitValue()).as(lastImport.tail()).isZero();
    Duration importTook = Duration.between(began, Instant.now());

    // Phase 2: serve takes a storm of webhooks and is killed during it.
    yaml.reconcileEvery(Duration.ofSeconds(2));
    rig.rewriteConfig();
    AtomicReference<ChildJvm> running = new AtomicReference<>(rig.startServe());
    // Twice the PostgreSQL storm: at 40 a second, serve must be up long enough between kills.
    List<String> storm = others.subList(0, Math.min(2 * FaultSizes.storm(), others.size()));
    Set<String> stormHonours = new HashSet<>();
    for (int i = 0; i < storm.size(); i += 10) {
      stormHonours.add(storm.get(i));
    }
    qualifying.addAll(storm);
    honours.addAll(stormHonours);
    Instant stormBegan = Instant.now();
    rig.storm(
        storm,
        STORM_PER_SECOND,
        rig.randomPoints(stormKills, storm.size()),
        running,
        contact ->
            ghl.addTags(
                contact,
                stormHonours.contains(contact) ? new String[] {TAG, HONOURS} : new String[] {TAG}),
        CONVERGE);
    Instant lastKill = Instant.now();
    ServiceMetrics metrics = new ServiceMetrics(yaml.port());
    boolean convergedInTime = true;
    try {
      await()
          .atMost(CONVERGE)
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(
              () ->
                  Tally.badges(credly, template.id(), qualifying).held() >= qualifying.size()
                      && Tally.notes(ghl, NOTE, honours, honours).held() >= honours.size()
                      && Tally.tasks(ghl, TASK, honours, honours).held() >= honours.size()
                      && metrics.value("ghlcredly_inbox_pending_events") == 0
                      && metrics.value("ghlcredly_queue_jobs") == 0);
    } catch (ConditionTimeoutException e) {
      // Counted and reported below, so that the figures show what is missing.
      convergedInTime = false;
    }
    Duration converged = Duration.between(lastKill, Instant.now());
    // SIGTERM: an orderly stop, so that the file is free to be read below.
    int unused = running.get().stop(Duration.ofSeconds(30));

    // serve is stopped: the embedded file can be opened to count what it holds.
    SchemaQueries schema = new SchemaQueries("jdbc:h2:file:" + database);
    long notApplied = rig.acceptedButNotApplied(schema.processedGhlEventIds());
    Tally badges = Tally.badges(credly, template.id(), qualifying);
    Tally notes = Tally.notes(ghl, NOTE, contacts, honours);
    Tally tasks = Tally.tasks(ghl, TASK, contacts, honours);
    List<WebhookDelivery> deliveries = rig.tagDeliveries();
    long accepted = deliveries.stream().filter(WebhookDelivery::succeeded).count();
    long unanswered = deliveries.stream().filter(delivery -> delivery.status() == 0).count();

    new FaultReport("kill-h2", "Kill -9 during an import and a webhook storm (embedded H2)")
        .figure("contacts imported", size)
        .figure("webhooks in the storm", storm.size() + " (" + STORM_PER_SECOND + "/s)")
        .figure("webhooks accepted (2xx)", accepted)
        .figure("webhooks unanswered while serve was down (found by polling)", unanswered)
        .figure("SIGKILLs of import (before it finished)", importKillsDone)
        .figure("SIGKILLs of serve during the storm", stormKills)
        .figure("JVMs started", rig.jvmsStarted())
        .figure("events stored / applied", schema.eventsStored() + " / " + schema.eventsProcessed())
        .figure("events pending at the end", schema.eventsPending())
        .figure("accepted webhooks missing from the inbox or not applied", notApplied)
        .figure("badges expected / held", badges.expected() + " / " + badges.held())
        .figure("notes written back expected / held", notes.expected() + " / " + notes.held())
        .figure("tasks written back expected / held", tasks.expected() + " / " + tasks.held())
        .figure("losses", badges.losses() + notes.losses() + tasks.losses())
        .figure("duplicates", badges.duplicates() + notes.duplicates() + tasks.duplicates())
        .figure("dead letters", schema.deadLetters())
        .figure("Credly answers lost after the badge was made (resets)", credlyResets())
        .figure("import phase (with its kills)", importTook.toSeconds() + " s")
        .figure("storm phase", Duration.between(stormBegan, lastKill).toSeconds() + " s")
        .figure(
            "time to converge after the storm",
            convergedInTime
                ? converged.toSeconds() + " s"
                : "not within " + CONVERGE.toMinutes() + " min")
        .figure("random seed (-Dfaults.seed)", seed)
        .notes(
            """
            `import`, then `serve`, run in child JVMs on the embedded H2 file (`storage.url`
            `jdbc:h2:file:…`, the default) and are killed with SIGKILL: the import when its
            badges reach random points (it resumes from its checkpoint), `serve` at random
            points of a storm of tag changes in the GHL emulator, which sends each signed
            webhook once. Credly resets 3% of its write calls after doing the work. Every
            webhook answered 2xx is looked up in the inbox after the last stop. The
            reconciliation pass (every 2 s) finds the changes whose webhooks got no answer.""")
        .publish();
    assertThat(notApplied).as("webhooks answered 2xx but missing or not applied").isZero();
    assertThat(convergedInTime).as("converged within %s", CONVERGE).isTrue();
    assertThat(importKillsDone).as("the import was killed while it ran").isPositive();
    assertThat(schema.eventsPending()).isZero();
    assertThat(badges.exact()).as("badges %s", badges).isTrue();
    assertThat(notes.exact()).as("notes %s", notes).isTrue();
    assertThat(tasks.exact()).as("tasks %s", tasks).isTrue();
    assertThat(schema.deadLetters()).isZero();
  }

  private long issued(BadgeTemplate template) {
    return credly.badges().stream()
        .filter(badge -> badge.templateId().equals(template.id()))
        .count();
  }

  private long credlyResets() {
    return credly.faultsInjected().getOrDefault("reset", 0L);
  }
}
