package io.ghlcredly.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.Main;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.WebhookDelivery;
import io.ghlcredly.testkit.process.ChildJvm;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
  private static final Duration START = Duration.ofSeconds(90);

  /** Each wait's bound: five minutes, plus one per 2,000 contacts. */
  private static final Duration CONVERGE = Duration.ofMinutes(5 + FaultSizes.contacts() / 2000);

  private static final int STORM_PER_SECOND = 20;

  @TempDir Path folder;
  private final GhlEmulator ghl = GhlEmulator.start();
  private final CredlyEmulator credly = CredlyEmulator.start();
  private final long seed = FaultSizes.seed();
  private final Random random = new Random(seed);
  private final List<ChildJvm> children = new ArrayList<>();
  private final AtomicInteger starts = new AtomicInteger();
  private ServiceYaml yaml;
  private Path config;

  @AfterEach
  void stopEverything() {
    children.forEach(ChildJvm::close);
    ghl.close();
    credly.close();
  }

  @Test
  void syncsEveryContactOnceThroughKillsDuringAnImportAndAWebhookStorm() throws Exception {
    String schemaUrl = PostgresUrls.freshSchema();
    SchemaQueries schema = new SchemaQueries(schemaUrl);
    BadgeTemplate template = credly.seedTemplate("Course 101 Complete");
    int size = FaultSizes.contacts();
    List<String> contacts =
        ghl.seedContacts(
            size,
            (contact, index) -> {
              if (index % 5 == 0) {
                contact.tags(TAG);
              }
              if (index % 50 == 0) {
                contact.tags(HONOURS);
              }
            });
    Set<String> qualifying = new HashSet<>();
    Set<String> honours = new HashSet<>();
    List<String> others = new ArrayList<>();
    for (int i = 0; i < contacts.size(); i++) {
      (i % 5 == 0 ? qualifying : others).add(contacts.get(i));
      if (i % 50 == 0) {
        honours.add(contacts.get(i));
      }
    }
    int importKills = (FaultSizes.kills() + 1) / 2;
    int stormKills = FaultSizes.kills() / 2;
    yaml =
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
    config = yaml.writeTo(folder);
    ChildJvm serve = startServe();
    ChildJvm importer = startImport();
    for (long at : randomPoints(importKills, size)) {
      ChildJvm walking = importer;
      await()
          .atMost(CONVERGE)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> schema.eventsProcessed() >= at || !walking.isAlive());
      serve.kill();
      if (importer.isAlive()) {
        importer.kill();
      }
      serve = startServe();
      if (importer.exitValue() != 0) {
        importer = startImport();
      }
    }
    ChildJvm lastImport = importer;
    assertThat(lastImport.waitFor(CONVERGE)).as(lastImport.tail()).isTrue();
    assertThat(lastImport.exitValue()).as(lastImport.tail()).isZero();
    Duration importTook = Duration.between(began, Instant.now());

    // Phase 2: a webhook storm, with the reconciliation pass on to find what was sent while down.
    serve.stop(Duration.ofSeconds(30));
    yaml.reconcileEvery(Duration.ofSeconds(2));
    config = yaml.writeTo(folder);
    AtomicReference<ChildJvm> running = new AtomicReference<>(startServe());
    List<String> storm = others.subList(0, Math.min(FaultSizes.storm(), others.size()));
    qualifying.addAll(storm);
    Instant stormBegan = Instant.now();
    runStorm(storm, randomPoints(stormKills, storm.size()), running);
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
    List<WebhookDelivery> stormDeliveries = tagDeliveries();
    long accepted = stormDeliveries.stream().filter(WebhookDelivery::succeeded).count();
    long unanswered = stormDeliveries.stream().filter(delivery -> delivery.status() == 0).count();

    new FaultReport("kill", "Kill -9 during an import and a webhook storm (PostgreSQL)")
        .figure("contacts imported", size)
        .figure("webhooks in the storm", storm.size() + " (" + STORM_PER_SECOND + "/s)")
        .figure("webhooks accepted (2xx)", accepted)
        .figure("webhooks unanswered while serve was down (found by polling)", unanswered)
        .figure("SIGKILLs during the import (serve and import)", importKills)
        .figure("SIGKILLs of serve during the storm", stormKills)
        .figure("JVMs started", starts.get())
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

  /** Tags the storm's contacts at a steady rate, killing serve when the storm reaches a point. */
  private void runStorm(List<String> storm, List<Long> killPoints, AtomicReference<ChildJvm> serve)
      throws InterruptedException {
    ScheduledExecutorService pace =
        Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    ExecutorService killer = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    CountDownLatch sent = new CountDownLatch(storm.size());
    AtomicInteger next = new AtomicInteger();
    Set<Long> points = new HashSet<>(killPoints);
    try {
      ScheduledFuture<?> unused =
          pace.scheduleAtFixedRate(
              () -> {
                int index = next.getAndIncrement();
                if (index >= storm.size()) {
                  return;
                }
                if (points.contains((long) index)) {
                  killer.execute(
                      () -> {
                        serve.get().kill();
                        serve.set(startServe());
                      });
                }
                senders.execute(
                    () -> {
                      ghl.addTags(storm.get(index), TAG);
                      sent.countDown();
                    });
              },
              0,
              1_000_000 / STORM_PER_SECOND,
              TimeUnit.MICROSECONDS);
      assertThat(sent.await(CONVERGE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    } finally {
      pace.shutdownNow();
      senders.shutdown();
      killer.shutdown();
      assertThat(killer.awaitTermination(START.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
  }

  private ChildJvm startServe() {
    ChildJvm serve = child("serve", "serve", "-c", config.toString());
    serve.awaitHttpOk(URI.create("http://127.0.0.1:" + yaml.port() + "/health/live"), START);
    ghl.sendWebhooksTo(URI.create("http://127.0.0.1:" + yaml.port() + "/webhooks/ghl"));
    return serve;
  }

  private ChildJvm startImport() {
    return child("import", "import", "--location", ghl.locationId(), "-c", config.toString());
  }

  private ChildJvm child(String name, String... args) {
    ChildJvm.Builder builder =
        ChildJvm.of(Main.class.getName())
            .name(name)
            .workDir(folder)
            .jvmOption("-Xmx512m")
            .args(args);
    for (Map.Entry<String, String> variable : yaml.env().entrySet()) {
      builder.env(variable.getKey(), variable.getValue());
    }
    ChildJvm started = builder.start();
    children.add(started);
    starts.incrementAndGet();
    return started;
  }

  /** {@code count} distinct random points in (5%, 90%) of {@code total}, ascending. */
  private List<Long> randomPoints(int count, long total) {
    List<Long> points = new ArrayList<>();
    while (points.size() < count) {
      long point = total / 20 + (long) (random.nextDouble() * (total * 0.85));
      if (!points.contains(point)) {
        points.add(point);
      }
    }
    points.sort(null);
    return points;
  }

  private List<WebhookDelivery> tagDeliveries() {
    return ghl.deliveries().stream()
        .filter(delivery -> delivery.type().equals("ContactTagUpdate"))
        .toList();
  }

  private long unappliedAcceptedWebhooks(SchemaQueries schema) {
    Set<String> applied = schema.processedGhlEventIds();
    return tagDeliveries().stream()
        .filter(WebhookDelivery::succeeded)
        .filter(delivery -> !applied.contains(delivery.webhookId()))
        .count();
  }
}
