package io.ghlcredly.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.Main;
import io.ghlcredly.core.sync.ContactImporter;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.DatabaseSettings;
import io.ghlcredly.storage.Jdbc;
import io.ghlcredly.storage.SecretCipher;
import io.ghlcredly.storage.TestDatabases;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.process.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three {@code serve} instances in their own JVMs on one PostgreSQL schema, in OAuth mode, with a
 * fourth JVM running an import whose events are applied while webhooks are spread over the
 * instances in turn (no balancer), one instance is killed with SIGKILL while it holds jobs, and
 * afterwards every contact has its badge exactly once, every accepted webhook is applied, GHL never
 * had to refuse a call for the location (its budget is shared), and each expiry of the access token
 * cost exactly one refresh. An instance started with another secret key refuses to run.
 */
class ClusterIT {
  private static final String TAG = "course-complete";
  private static final int CONTACTS = 300;
  private static final int TAGGED_BEFORE_IMPORT = 60;
  private static final int TAGGING_THREADS = 12;
  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration SETTLE = Duration.ofMinutes(2);

  /** Under target/, not a temporary folder: the instances' logs stay for a post-mortem. */
  private Path folder;

  private final List<ClusterNode> nodes = new ArrayList<>();
  private final Map<String, String> sharedEnv =
      Map.of("GCS_SECRET_KEY", SecretCipher.newKeysetJson());
  private GhlEmulator ghl;
  private CredlyEmulator credly;
  private BadgeTemplate template;
  private Database database;
  private ClusterProbe probe;
  private Path config;

  @BeforeEach
  void startEmulatorsAndSchema() throws IOException {
    folder =
        Files.createDirectories(
            Path.of("target", "cluster-it", "run-" + System.currentTimeMillis()).toAbsolutePath());
    DatabaseSettings schema = TestDatabases.postgresSettings();
    database = Database.open(schema); // migrates the fresh schema once, before any instance
    probe = new ClusterProbe(database);
    ghl = GhlEmulator.start();
    credly = CredlyEmulator.start();
    // Each issue takes a while, so the instance that is killed is caught with jobs in hand.
    credly.latency(Duration.ofMillis(25));
    // Duplicates allowed: Credly would not hide a badge the engine issued twice.
    template = credly.seedTemplate(UUID.randomUUID().toString(), "Cluster Course", true);
    config = writeConfig(schema.jdbcUrl());
  }

  @AfterEach
  void stopEverything() {
    nodes.forEach(ClusterNode::close);
    if (ghl != null) {
      ghl.close();
    }
    if (credly != null) {
      credly.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void threeInstancesShareTheWorkSurviveAKillAndDoEverythingOnce() throws Exception {
    ClusterNode first = startNode("node-1");
    first.awaitLive(START);
    ClusterNode victim = startNode("node-2");
    ClusterNode third = startNode("node-3");
    ClusterNode stranger =
        startNode("stranger", Map.of("GCS_SECRET_KEY", SecretCipher.newKeysetJson()));
    victim.awaitLive(START);
    third.awaitLive(START);
    // An instance with another secret key could not read the tokens the others store: it stops.
    assertThat(stranger.awaitExit(START))
        .as(stranger.tail())
        .isPresent()
        .isNotEqualTo(OptionalInt.of(0));
    assertThat(stranger.output()).contains("same key");
    first.installApp(database);
    List<String> contacts =
        ghl.seedContacts(
            CONTACTS,
            (contact, index) -> {
              if (index < TAGGED_BEFORE_IMPORT) {
                contact.tags(TAG);
              }
            });
    ghl.sendWebhooksTo(List.of(first.webhookUrl(), victim.webhookUrl(), third.webhookUrl()));

    try (CallRateSampler ghlCalls = CallRateSampler.start(() -> ghl.requests().size());
        ChildJvm importer = startImport()) {
      // The walk first (one GHL read at bulk priority, which live work may starve), then its 300
      // events are applied by all four JVMs while webhooks come in.
      await().atMost(START).until(() -> importedEvents() == CONTACTS || !importer.isAlive());
      if (!importer.isAlive() && importer.exitValue() != 0) {
        throw new AssertionError("the import failed: " + state(contacts, importer));
      }

      // Phase 1, while the import's events are applied: tags arrive at all three instances in
      // turn; the access token expires half-way and the cluster must refresh it once.
      List<String> phaseOne = contacts.subList(TAGGED_BEFORE_IMPORT, 180);
      ClusterProbe.tagConcurrently(ghl, phaseOne.subList(0, 60), TAG, TAGGING_THREADS);
      ghl.oauth().expireAccessTokens(ghl.locationId());
      ClusterProbe.tagConcurrently(
          ghl, phaseOne.subList(60, phaseOne.size()), TAG, TAGGING_THREADS);
      await().atMost(SETTLE).until(() -> ghl.oauth().refreshes(ghl.locationId()) == 1);

      // Kill an instance while it holds jobs; the balancer (here: the test) stops sending to it.
      Set<String> heldByVictim = probe.awaitJobsPickedBy(victim);
      victim.kill();
      ghl.sendWebhooksTo(List.of(first.webhookUrl(), third.webhookUrl()));

      // Phase 2 on the survivors, with a second expiry.
      List<String> phaseTwo = contacts.subList(180, CONTACTS);
      ClusterProbe.tagConcurrently(ghl, phaseTwo.subList(0, 60), TAG, TAGGING_THREADS);
      ghl.oauth().expireAccessTokens(ghl.locationId());
      ClusterProbe.tagConcurrently(
          ghl, phaseTwo.subList(60, phaseTwo.size()), TAG, TAGGING_THREADS);

      boolean importEnded = importer.waitFor(SETTLE);
      // An import that stopped (a 429 from GHL, when the budget is not shared) leaves its tagged
      // contacts to a later run: say so now rather than after waiting for them.
      if (importEnded && importer.exitValue() != 0) {
        throw new AssertionError("the import failed: " + state(contacts, importer));
      }
      try {
        await().atMost(SETTLE).until(() -> withoutBadge(contacts) == 0);
        await()
            .atMost(SETTLE)
            .until(() -> probe.pendingEvents() == 0 && probe.queuedSyncJobs() == 0);
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("the cluster did not settle: " + state(contacts, importer), e);
      }

      System.out.printf(
          "cluster run: %d GHL calls (busiest 10 s: %d), %d refused (429), %d refreshes, %d held"
              + " by the killed instance, jobs applied node-1=%.0f node-3=%.0f%n",
          ghl.requests().size(),
          ghlCalls.busiest(Duration.ofSeconds(10)),
          ghl.rateLimitRefusals(ghl.locationId()),
          ghl.oauth().refreshes(ghl.locationId()),
          heldByVictim.size(),
          first.jobsApplied(),
          third.jobsApplied());
      assertThat(heldByVictim).as("jobs the killed instance held").isNotEmpty();
      assertThat(contacts)
          .as("every contact has its badge exactly once")
          .allSatisfy(id -> assertThat(credly.countBadges(template.id(), id)).isEqualTo(1));
      assertThat(credly.badges()).hasSize(CONTACTS);
      probe.assertEveryAcceptedWebhookApplied(ghl, Set.of(first, victim, third));
      assertThat(probe.deadLetters()).isZero();
      assertThat(first.jobsApplied()).as("jobs applied by node-1").isPositive();
      assertThat(third.jobsApplied()).as("jobs applied by node-3").isPositive();
      assertThat(ghl.oauth().refreshes(ghl.locationId())).as("refreshes").isEqualTo(2);
      assertThat(ghl.oauth().reuseAttempts()).as("refresh tokens presented twice").isZero();
      assertThat(accountStatus()).isEqualTo("CONNECTED");
      assertThat(importEnded).as("import ended").isTrue();
      assertThat(ghl.rateLimitRefusals(ghl.locationId()))
          .as("GHL calls refused with 429 for the location")
          .isZero();
    }
  }

  private ClusterNode startNode(String name) throws IOException {
    return startNode(name, sharedEnv);
  }

  private ClusterNode startNode(String name, Map<String, String> env) throws IOException {
    ClusterNode node = ClusterNode.start(name, folder, config, env);
    nodes.add(node);
    return node;
  }

  /** {@code import} in a fourth JVM: it joins the cluster's workers until its contacts are done. */
  private ChildJvm startImport() {
    ChildJvm.Builder importer =
        ChildJvm.of(Main.class.getName())
            .name("import")
            .workDir(folder)
            .jvmOption("-Xmx256m")
            .args("import", "--location", ghl.locationId(), "-c", config.toString())
            .env("GCS_SERVER_INSTANCE_NAME", "importer");
    sharedEnv.forEach(importer::env);
    return importer.start();
  }

  private long withoutBadge(List<String> contacts) {
    return contacts.stream().filter(id -> credly.countBadges(template.id(), id) == 0).count();
  }

  /** What a failure message needs to tell a rate-limit problem from a lost job. */
  private String state(List<String> contacts, ChildJvm importer) {
    return String.format(
        "%d of %d contacts without a badge, %d events pending, %d sync jobs queued, %d dead"
            + " letters, %d GHL calls refused (429), import %s; logs in %s%n--- import:%n%s",
        withoutBadge(contacts),
        contacts.size(),
        probe.pendingEvents(),
        probe.queuedSyncJobs(),
        probe.deadLetters(),
        ghl.rateLimitRefusals(ghl.locationId()),
        importer.isAlive() ? "still running" : "exited " + importer.exitValue(),
        folder.toAbsolutePath(),
        importer.tail());
  }

  private long importedEvents() {
    return new Jdbc(database)
        .queryLong("SELECT COUNT(*) FROM event_inbox WHERE source = ?", ContactImporter.SOURCE);
  }

  private String accountStatus() {
    return new Jdbc(database)
        .queryOne(
            "SELECT status FROM oauth_account WHERE account_id = ?",
            row -> row.getString("status"),
            ghl.locationId())
        .orElse("none");
  }

  private Path writeConfig(String jdbcUrl) throws IOException {
    Path clientSecret = folder.resolve("ghl-client-secret");
    Files.writeString(clientSecret, ghl.oauth().clientSecret().reveal());
    Path credlyToken = folder.resolve("credly-token");
    Files.writeString(credlyToken, credly.authToken().reveal());
    Path file = folder.resolve("ghl-credly.yaml");
    Files.writeString(
        file,
        """
        # One file for every instance; port, public URL and name come from GCS_SERVER_* overrides.
        server:
          public-url: http://127.0.0.1:8080
        storage:
          url: "%s"
          max-pool-size: 6
        secrets:
          key-file: %s          # unused: GCS_SECRET_KEY holds the key every instance shares
        ghl:
          auth:
            mode: oauth
            client-id: %s
            client-secret-file: %s
            authorize-url: %s/v2/oauth/chooselocation
          base-url: %s
          webhooks:
            ed25519-public-keys:
              - |
        %s
          # The pass lists the tasks of recently active contacts at bulk priority: with hundreds
          # active it takes the bulk budget the import needs for 20 s and more, so it stays out of
          # this run's way (its first pass, at start, finds nothing yet).
          reconcile:
            every: 5m
            lookback: 1s
        credly:
          environment: sandbox
          base-url: %s
          organization-id: %s
          auth:
            token-file: %s
        jobs:
          workers: 4
          max-attempts: 12
          initial-backoff: 500ms
          max-backoff: 5s
          heartbeat: 500ms        # a killed instance's jobs move after 2 s
          missed-heartbeats: 4
        rules:
          - id: cluster-course
            when: { tag-added: %s }
            do:
              - issue-badge: %s
        """
            .formatted(
                jdbcUrl,
                folder.resolve("unused-secret.key"),
                ghl.oauth().clientId(),
                clientSecret,
                ghl.baseUrl(),
                ghl.baseUrl(),
                ghl.ed25519PublicKeyPem().strip().indent(12).stripTrailing(),
                credly.baseUrl(),
                credly.organizationId(),
                credlyToken,
                TAG,
                template.id()));
    return file;
  }
}
