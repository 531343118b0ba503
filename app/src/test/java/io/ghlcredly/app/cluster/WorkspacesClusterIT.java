package io.ghlcredly.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.DatabaseSettings;
import io.ghlcredly.storage.SecretCipher;
import io.ghlcredly.storage.TestDatabases;
import io.ghlcredly.testkit.credly.Badge;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.credly.CredlyOrganization;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Agency workspaces in a cluster: two {@code serve} instances in their own JVMs on one PostgreSQL
 * schema, in OAuth mode with an agency install, serving workspace "north" (two locations, Credly
 * organization A) and "south" (one location, organization B), each with a rule on the same tag that
 * issues its own organization's template. Contacts of all three locations are tagged from several
 * threads while GHL's webhooks go to the instances in turn; one instance is killed with SIGKILL
 * while it holds jobs and the other finishes its work. Afterwards every contact has exactly one
 * badge, from its own workspace's organization and template; every accepted webhook was applied;
 * GHL never refused a call for any location (each location's budget is shared by the instances);
 * and neither organization had more calls in flight than the instances' limits allow.
 *
 * <p>The figures of the run are printed and written to {@code
 * target/workspaces-cluster-it/report.txt}.
 */
class WorkspacesClusterIT {
  private static final String TAG = "graduated";
  private static final int CONTACTS_PER_LOCATION = 100;
  private static final int TAGGING_THREADS = 12;
  private static final int INSTANCES = 2;
  private static final int NORTH_MAX_CONCURRENCY = 2;
  private static final int SOUTH_MAX_CONCURRENCY = 3;

  /** Each Credly call takes this long, so that calls overlap and the limits are put to work. */
  private static final Duration CREDLY_LATENCY = Duration.ofMillis(150);

  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration SETTLE = Duration.ofMinutes(2);

  /** A workspace as the test sees it: its organization, template and concurrency limit. */
  private record Academy(
      String workspace, CredlyOrganization organization, BadgeTemplate template, int limit) {}

  /** Under target/, not a temporary folder: the instances' logs stay for a post-mortem. */
  private Path folder;

  private final List<ClusterNode> nodes = new ArrayList<>();
  private final Map<String, String> sharedEnv =
      Map.of("GCS_SECRET_KEY", SecretCipher.newKeysetJson());
  private GhlEmulator ghl;
  private CredlyEmulator credly;
  private Academy north;
  private Academy south;
  private String north1;
  private String north2;
  private String south1;
  private Database database;
  private ClusterProbe probe;
  private Path config;

  @BeforeEach
  void startEmulatorsAndSchema() throws IOException {
    folder =
        Files.createDirectories(
            Path.of("target", "workspaces-cluster-it", "run-" + System.currentTimeMillis())
                .toAbsolutePath());
    DatabaseSettings schema = TestDatabases.postgresSettings();
    database = Database.open(schema); // migrates the fresh schema once, before any instance
    probe = new ClusterProbe(database);
    ghl = GhlEmulator.start();
    north1 = ghl.locationId();
    ghl.renameLocation(north1, "North Campus");
    north2 = ghl.addLocation("North Online");
    south1 = ghl.addLocation("South Academy");
    credly = CredlyEmulator.start();
    credly.latency(CREDLY_LATENCY);
    CredlyOrganization orgA = credly.firstOrganization();
    CredlyOrganization orgB = credly.addOrganization("South Credly");
    // Duplicates allowed: Credly would not hide a badge the engine issued twice.
    north =
        new Academy(
            "north",
            orgA,
            orgA.seedTemplate(UUID.randomUUID().toString(), "North Graduate", true),
            NORTH_MAX_CONCURRENCY);
    south =
        new Academy(
            "south",
            orgB,
            orgB.seedTemplate(UUID.randomUUID().toString(), "South Graduate", true),
            SOUTH_MAX_CONCURRENCY);
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
  void twoInstancesServeBothWorkspacesSurviveAKillAndHoldEveryBudget() throws Exception {
    ClusterNode survivor = startNode("node-1");
    survivor.awaitLive(START);
    ClusterNode victim = startNode("node-2");
    victim.awaitLive(START);
    ghl.oauth().consentAs(ghl.oauth().companyId());
    survivor.installApp(database);
    Map<String, Academy> contacts = seedContacts();
    ghl.sendWebhooksTo(List.of(survivor.webhookUrl(), victim.webhookUrl()));

    Figures figures = tagKillAndSettle(contacts, survivor, victim);

    String report = report(contacts, victim, figures, survivor.jobsApplied());
    System.out.print(report);
    Files.writeString(folder.resolve("report.txt"), report);
    Files.writeString(folder.getParent().resolve("report.txt"), report);
    assertThat(figures.heldByVictim()).as("jobs the killed instance held").isPositive();
    assertEachContactHasOneBadgeFromItsOwnOrganization(contacts);
    probe.assertEveryAcceptedWebhookApplied(ghl, List.of(survivor, victim));
    assertThat(probe.heldEvents()).as("events held for want of a workspace").isZero();
    assertThat(probe.deadLetters()).as("dead letters").isZero();
    assertThat(survivor.jobsApplied()).as("jobs applied by the survivor").isPositive();
    for (String location : List.of(north1, north2, south1)) {
      assertThat(ghl.rateLimitRefusals(location))
          .as("GHL calls refused with 429 for location %s", ghl.locationName(location))
          .isZero();
    }
    // credly.max-concurrency is a limit of each process (README, "Scale out" > "Sizing": "Credly
    // calls are limited per instance (credly.max-concurrency each, halved on a 429), so the
    // cluster may have instances × that many in flight"): each instance has its own adaptive
    // limiter per organization, and the instances share nothing about Credly. The bound the
    // cluster holds is therefore max-concurrency × live instances: twice the limit while both
    // run, the limit itself once the survivor is alone. More than one call at once shows the
    // limit was pressed against, not merely never approached.
    for (Academy academy : List.of(north, south)) {
      int withBoth = figures.mostInFlightWithBoth().get(academy.workspace());
      int alone = figures.mostInFlightAlone().get(academy.workspace());
      assertThat(Math.max(withBoth, alone))
          .as("most calls in flight at %s's organization", academy.workspace())
          .isGreaterThan(1);
      assertThat(withBoth)
          .as("most calls in flight at %s's organization, two instances", academy.workspace())
          .isLessThanOrEqualTo(academy.limit() * INSTANCES);
      assertThat(alone)
          .as("most calls in flight at %s's organization, the survivor alone", academy.workspace())
          .isLessThanOrEqualTo(academy.limit());
    }
  }

  /**
   * What a run measured: times in milliseconds from the first tag, and the most Credly calls in
   * flight at once per workspace's organization, while both instances ran (until the killed one's
   * jobs had moved) and afterwards, the survivor alone.
   */
  private record Figures(
      int heldByVictim,
      long killedAt,
      long failoverAt,
      long settledAt,
      long ghlBusiest10s,
      Map<String, Integer> mostInFlightWithBoth,
      Map<String, Integer> mostInFlightAlone) {}

  /**
   * Tags half the contacts (in turns over the locations) while webhooks go to both instances, kills
   * the victim while it holds jobs, tags the other half on the survivor alone and waits until every
   * contact has its badge and the queue and inbox are empty.
   */
  private Figures tagKillAndSettle(
      Map<String, Academy> contacts, ClusterNode survivor, ClusterNode victim)
      throws InterruptedException {
    List<String> tagOrder = inTurnsOverLocations();
    int half = tagOrder.size() / 2;
    resetMaxInFlight();
    long started = System.nanoTime();
    try (CallRateSampler ghlCalls = CallRateSampler.start(() -> ghl.requests().size())) {
      ClusterProbe.tagConcurrently(ghl, tagOrder.subList(0, half), TAG, TAGGING_THREADS);
      // Kill an instance while it holds jobs; the balancer (here: the test) stops sending to it.
      int heldByVictim = probe.awaitJobsPickedBy(victim).size();
      victim.kill();
      long killedAt = millisSince(started);
      ghl.sendWebhooksTo(List.of(survivor.webhookUrl()));
      // Once the survivor has taken the killed instance's jobs (missed heartbeats), the killed
      // one's last Credly calls are long answered: from here on one instance calls Credly.
      await().atMost(SETTLE).until(() -> probe.jobsPickedBy(victim).isEmpty());
      long failoverAt = millisSince(started);
      Map<String, Integer> withBoth = mostInFlight();
      resetMaxInFlight();
      ClusterProbe.tagConcurrently(
          ghl, tagOrder.subList(half, tagOrder.size()), TAG, TAGGING_THREADS);
      try {
        await().atMost(SETTLE).until(() -> withoutBadge(contacts) == 0);
        await()
            .atMost(SETTLE)
            .until(() -> probe.pendingEvents() == 0 && probe.queuedSyncJobs() == 0);
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("the cluster did not settle: " + state(contacts), e);
      }
      return new Figures(
          heldByVictim,
          killedAt,
          failoverAt,
          millisSince(started),
          ghlCalls.busiest(Duration.ofSeconds(10)),
          withBoth,
          mostInFlight());
    }
  }

  private void assertEachContactHasOneBadgeFromItsOwnOrganization(Map<String, Academy> contacts) {
    assertThat(contacts)
        .as("every contact has exactly one badge, from its own workspace's organization")
        .allSatisfy(
            (id, academy) -> {
              assertThat(academy.organization().countBadges(academy.template().id(), id))
                  .as("badges of %s in %s", id, academy.workspace())
                  .isEqualTo(1);
              assertThat(other(academy).organization().badges())
                  .extracting(Badge::issuerEarnerId)
                  .as("badges of %s in the other organization", id)
                  .doesNotContain(id);
            });
    for (Academy academy : List.of(north, south)) {
      assertThat(academy.organization().badges())
          .as("badges of %s's organization", academy.workspace())
          .hasSize(count(contacts, academy))
          .allSatisfy(badge -> assertThat(badge.templateId()).isEqualTo(academy.template().id()));
    }
  }

  private void resetMaxInFlight() {
    north.organization().resetMaxInFlight();
    south.organization().resetMaxInFlight();
  }

  private Map<String, Integer> mostInFlight() {
    return Map.of(
        north.workspace(), north.organization().maxInFlight(),
        south.workspace(), south.organization().maxInFlight());
  }

  private ClusterNode startNode(String name) throws IOException {
    ClusterNode node = ClusterNode.start(name, folder, config, sharedEnv);
    nodes.add(node);
    return node;
  }

  /** Each contact with the workspace its location belongs to. */
  private Map<String, Academy> seedContacts() {
    Map<String, Academy> contacts = new LinkedHashMap<>();
    for (String location : List.of(north1, north2, south1)) {
      Academy academy = location.equals(south1) ? south : north;
      ghl.seedContacts(location, CONTACTS_PER_LOCATION, (contact, index) -> {})
          .forEach(id -> contacts.put(id, academy));
    }
    return contacts;
  }

  /** The contacts of the three locations taking turns, so each phase loads every workspace. */
  private List<String> inTurnsOverLocations() {
    List<List<String>> perLocation =
        List.of(ghl.contactIds(north1), ghl.contactIds(north2), ghl.contactIds(south1));
    List<String> order = new ArrayList<>();
    for (int index = 0; index < CONTACTS_PER_LOCATION; index++) {
      for (List<String> location : perLocation) {
        order.add(location.get(index));
      }
    }
    return order;
  }

  private Academy other(Academy academy) {
    return academy.equals(north) ? south : north;
  }

  private static int count(Map<String, Academy> contacts, Academy academy) {
    return (int) contacts.values().stream().filter(academy::equals).count();
  }

  private static long withoutBadge(Map<String, Academy> contacts) {
    return contacts.entrySet().stream()
        .filter(
            entry ->
                entry
                        .getValue()
                        .organization()
                        .countBadges(entry.getValue().template().id(), entry.getKey())
                    == 0)
        .count();
  }

  private static long millisSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }

  /** What a failure message needs to tell a rate-limit problem from a lost job. */
  private String state(Map<String, Academy> contacts) {
    return String.format(
        "%d of %d contacts without a badge, %d events pending, %d sync jobs queued, %d dead"
            + " letters, GHL 429s %s; logs in %s",
        withoutBadge(contacts),
        contacts.size(),
        probe.pendingEvents(),
        probe.queuedSyncJobs(),
        probe.deadLetters(),
        refusals(),
        folder);
  }

  private Map<String, Long> refusals() {
    Map<String, Long> refusals = new LinkedHashMap<>();
    for (String location : List.of(north1, north2, south1)) {
      refusals.put(ghl.locationName(location), ghl.rateLimitRefusals(location));
    }
    refusals.put("company", ghl.rateLimitRefusals(ghl.companyId()));
    return refusals;
  }

  private String report(
      Map<String, Academy> contacts, ClusterNode victim, Figures figures, double survivorJobs) {
    String badges =
        List.of(north, south).stream()
            .map(
                academy ->
                    String.format(
                        "%s (organization %s, %d contacts): %d badges; most Credly calls in"
                            + " flight %d with both instances (bound %d x %d), %d on the"
                            + " survivor alone (bound %d)",
                        academy.workspace(),
                        academy.organization().name(),
                        count(contacts, academy),
                        academy.organization().badges().size(),
                        figures.mostInFlightWithBoth().get(academy.workspace()),
                        academy.limit(),
                        INSTANCES,
                        figures.mostInFlightAlone().get(academy.workspace()),
                        academy.limit()))
            .collect(Collectors.joining("\n  ", "  ", "\n"));
    return String.format(
        "workspaces cluster run: %d instances, %d contacts over 3 locations, Credly latency %d"
            + " ms%n%sGHL: %d calls (busiest 10 s: %d), 429s %s%n"
            + "killed %s %.1f s after the first tag, holding %d running jobs; its jobs moved"
            + " %.1f s later; settled %.1f s after the first tag (%.1f s after the kill); jobs"
            + " applied by the survivor %.0f%n",
        INSTANCES,
        contacts.size(),
        CREDLY_LATENCY.toMillis(),
        badges,
        ghl.requests().size(),
        figures.ghlBusiest10s(),
        refusals(),
        victim.name(),
        figures.killedAt() / 1000.0,
        figures.heldByVictim(),
        (figures.failoverAt() - figures.killedAt()) / 1000.0,
        figures.settledAt() / 1000.0,
        (figures.settledAt() - figures.killedAt()) / 1000.0,
        survivorJobs);
  }

  private Path writeConfig(String jdbcUrl) throws IOException {
    Path clientSecret = folder.resolve("ghl-client-secret");
    Files.writeString(clientSecret, ghl.oauth().clientSecret().reveal());
    Path tokenA = folder.resolve("credly-token-a");
    Files.writeString(tokenA, north.organization().authToken().reveal());
    Path tokenB = folder.resolve("credly-token-b");
    Files.writeString(tokenB, south.organization().authToken().reveal());
    Path file = folder.resolve("ghl-credly.yaml");
    Files.writeString(
        file,
        """
        # One file for every instance; port, public URL and name come from GCS_SERVER_* overrides.
        server:
          public-url: http://127.0.0.1:8080
        storage:
          url: "%1$s"
          max-pool-size: 8
        secrets:
          key-file: %2$s          # unused: GCS_SECRET_KEY holds the key every instance shares
        ghl:
          auth:
            mode: oauth
            client-id: %3$s
            client-secret-file: %4$s
            authorize-url: %5$s/v2/oauth/chooselocation
          base-url: %5$s
          webhooks:
            ed25519-public-keys:
              - |
        %6$s
          reconcile:
            every: 5s
            lookback: 1s
        jobs:
          workers: 6              # room for both organizations' limits at once
          max-attempts: 12
          initial-backoff: 500ms
          max-backoff: 5s
          heartbeat: 500ms        # a killed instance's jobs move after 2 s
          missed-heartbeats: 4
        workspaces:
          - id: north
            name: North Academy
            locations: [%7$s, %8$s]
            credly:
              environment: sandbox
              base-url: %9$s
              organization-id: %10$s
              auth: { token-file: %11$s }
              max-concurrency: %12$d
            rules:
              - id: graduated
                when: { tag-added: %13$s }
                do: [ { issue-badge: %14$s } ]
          - id: south
            name: South Academy
            locations: [%15$s]
            credly:
              environment: sandbox
              base-url: %9$s
              organization-id: %16$s
              auth: { token-file: %17$s }
              max-concurrency: %18$d
            rules:
              - id: graduated
                when: { tag-added: %13$s }
                do: [ { issue-badge: %19$s } ]
        """
            .formatted(
                jdbcUrl,
                folder.resolve("unused-secret.key"),
                ghl.oauth().clientId(),
                clientSecret,
                ghl.baseUrl(),
                ghl.ed25519PublicKeyPem().strip().indent(12).stripTrailing(),
                north1,
                north2,
                credly.baseUrl(),
                north.organization().organizationId(),
                tokenA,
                NORTH_MAX_CONCURRENCY,
                TAG,
                north.template().id(),
                south1,
                south.organization().organizationId(),
                tokenB,
                SOUTH_MAX_CONCURRENCY,
                south.template().id()));
    return file;
  }
}
