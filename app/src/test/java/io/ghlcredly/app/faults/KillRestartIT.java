package io.ghlcredly.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.WebhookDelivery;
import io.ghlcredly.testkit.process.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the engine at random moments, on PostgreSQL: {@code serve} and {@code import} run in
 * their own JVMs, as an operator runs them. First a bulk import of {@code faults.contacts} contacts
 * (every fifth qualifies for a badge, every fiftieth also gets a note written back to GHL) with
 * both processes killed and restarted (the import resumes from its checkpoint); then a storm of
 * signed webhooks (tags added in GHL) while {@code serve} is killed and restarted. Webhooks sent
 * while it is down get no answer, and GHL does not retry those: the reconciliation pass must find
 * them. At the end every contact is synced, every accepted webhook applied, nothing pending,
 * nothing dead-lettered, and no badge or note exists twice.
 */
class KillRestartIT {
  private static final String TAG = "course-101-complete";
  private static final String HONOURS = "honours";
  private static final String NOTE = "Honours: ";

  /** Each wait's bound: five minutes, plus one per 2,000 contacts. */
  private static final Duration CONVERGE = Duration.ofMinutes(5 + FaultSizes.contacts() / 2000);

  private static final int STORM_PER_SECOND = 20;

  @TempDir Path folder;
  private final GhlEmulator ghl = GhlEmulator.start();
  private final CredlyEmulator credly = CredlyEmulator.start();
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
  void syncsEveryContactOnceThroughKillsDuringAnImportAndAWebhookStorm() throws Exception {
    String schemaUrl = PostgresUrls.freshSchema();
    SchemaQueries schema = new SchemaQueries(schemaUrl);
    BadgeTemplate template = credly.seedTemplate("Course 101 Complete");
    int size = FaultSizes.contacts();
    SeededContacts seeded = SeededContacts.seed(ghl, size, TAG, HONOURS);
    List<String> contacts = seeded.all();
    Set<String> qualifying = seeded.qualifying();
    Set<String> honours = seeded.honours();
    List<String> others = seeded.others();
    int importKills = (FaultSizes.kills() + 1) / 2;
    int stormKills = FaultSizes.kills() / 2;
    ServiceYaml yaml =
        new ServiceYaml(ghl, credly, schemaUrl)
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
                """
                    .formatted(TAG, template.id(), HONOURS, NOTE));
    Instant began = Instant.now();

    // Phase 1: the import, with serve and import killed together at random points of progress.
    KillRig rig = new KillRig(ghl, yaml, folder, seed);
    this.rig = rig;
    ChildJvm serve = rig.startServe();
    ChildJvm importer = rig.startImport();
    for (long at : rig.randomPoints(importKills, size)) {
      ChildJvm walking = importer;
      await()
          .atMost(CONVERGE)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> schema.eventsProcessed() >= at || !walking.isAlive());
      serve.kill();
      if (importer.isAlive()) {
        importer.kill();
      }
      serve = rig.startServe();
      if (importer.exitValue() != 0) {
        importer = rig.startImport();
      }
    }
    ChildJvm lastImport = importer;
    assertThat(lastImport.waitFor(CONVERGE)).as(lastImport.tail()).isTrue();
    assertThat(lastImport.exitValue()).as(lastImport.tail()).isZero();
    Duration importTook = Duration.between(began, Instant.now());

    // Phase 2: a webhook storm, with the reconciliation pass on to find what was sent while down.
    serve.stop(Duration.ofSeconds(30));
    yaml.reconcileEvery(Duration.ofSeconds(2));
    rig.rewriteConfig();
    AtomicReference<ChildJvm> running = new AtomicReference<>(rig.startServe());
    List<String> storm = others.subList(0, Math.min(FaultSizes.storm(), others.size()));
    qualifying.addAll(storm);
    Instant stormBegan = Instant.now();
    rig.storm(
        storm,
        STORM_PER_SECOND,
        rig.randomPoints(stormKills, storm.size()),
        running,
        contact -> ghl.addTags(contact, TAG),
        CONVERGE);
    Instant lastKill = Instant.now();

    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                Tally.badges(credly, template.id(), qualifying).held() >= qualifying.size()
                    && Tally.notes(ghl, NOTE, honours, honours).held() >= honours.size()
                    && schema.eventsPending() == 0
                    && schema.jobsQueued() == 0
                    && unappliedAcceptedWebhooks(schema) == 0);
    Duration converged = Duration.between(lastKill, Instant.now());
    Tally badges = Tally.badges(credly, template.id(), qualifying);
    Tally notes = Tally.notes(ghl, NOTE, contacts, honours);
    List<WebhookDelivery> stormDeliveries = rig.tagDeliveries();
    long accepted = stormDeliveries.stream().filter(WebhookDelivery::succeeded).count();
    long unanswered = stormDeliveries.stream().filter(delivery -> delivery.status() == 0).count();

    new FaultReport("kill", "Kill -9 during an import and a webhook storm (PostgreSQL)")
        .figure("contacts imported", size)
        .figure("webhooks in the storm", storm.size() + " (" + STORM_PER_SECOND + "/s)")
        .figure("webhooks accepted (2xx)", accepted)
        .figure("webhooks unanswered while serve was down (found by polling)", unanswered)
        .figure("SIGKILLs during the import (serve and import)", importKills)
        .figure("SIGKILLs of serve during the storm", stormKills)
        .figure("JVMs started", rig.jvmsStarted())
        .figure("events stored / applied", schema.eventsStored() + " / " + schema.eventsProcessed())
        .figure("events pending at the end", schema.eventsPending())
        .figure("accepted webhooks not applied", unappliedAcceptedWebhooks(schema))
        .figure("badges expected / held", badges.expected() + " / " + badges.held())
        .figure("notes written back expected / held", notes.expected() + " / " + notes.held())
        .figure("losses", badges.losses() + notes.losses())
        .figure("duplicates", badges.duplicates() + notes.duplicates())
        .figure("dead letters", schema.deadLetters())
        .figure("import phase (with its kills)", importTook.toSeconds() + " s")
        .figure("storm phase", Duration.between(stormBegan, lastKill).toSeconds() + " s")
        .figure("time to converge after the storm", converged.toSeconds() + " s")
        .figure("random seed (-Dfaults.seed)", seed)
        .notes(
            """
            `serve` and `import` run in child JVMs on one PostgreSQL schema and are killed with
            SIGKILL when the applied events reach random points of the work; the storm tags
            contacts in the GHL emulator, which sends each signed webhook once (no retry unless
            429). The reconciliation pass (every 2 s) finds the changes whose webhooks got no
            answer. Jobs held by a killed JVM run again once their heartbeats stop (30 s).""")
        .publish();
    assertThat(unappliedAcceptedWebhooks(schema)).isZero();
    assertThat(schema.eventsPending()).isZero();
    assertThat(badges.exact()).as("badges %s", badges).isTrue();
    assertThat(notes.exact()).as("notes %s", notes).isTrue();
    assertThat(schema.deadLetters()).isZero();
  }

  private long unappliedAcceptedWebhooks(SchemaQueries schema) {
    return rig.acceptedButNotApplied(schema.processedGhlEventIds());
  }
}
