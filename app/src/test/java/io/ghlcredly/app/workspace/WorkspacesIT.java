package io.ghlcredly.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.Application;
import io.ghlcredly.app.TestOperators;
import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.WorkspaceStore;
import io.ghlcredly.storage.JdbcLocationNames;
import io.ghlcredly.storage.JdbcWorkspaceStore;
import io.ghlcredly.testkit.credly.Badge;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.credly.CredlyOrganization;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agency install on real parts: the GHL emulator with one company and four locations, the Credly
 * emulator with two organizations, and the service in OAuth mode with two workspaces — "north" (two
 * locations, organization A) and "south" (one location, organization B); the fourth location is in
 * no workspace. The same tag issues each contact's badge from its own workspace's organization
 * only; a rule of one workspace never fires for another's contact; a badge accepted in one
 * organization writes back with that workspace's rule only; events of the unassigned location are
 * held and applied once an admin assigns it; one workspace's trouble shows by name in health and
 * leaves the other working.
 */
class WorkspacesIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path folder;

  private GhlEmulator ghl;
  private CredlyEmulator credly;
  private CredlyOrganization orgA;
  private CredlyOrganization orgB;
  private BadgeTemplate northBadge;
  private BadgeTemplate southBadge;
  private String north1;
  private String north2;
  private String south;
  private String spare;
  private @Nullable Application running;

  @BeforeEach
  void startEmulators() {
    ghl = GhlEmulator.start();
    north1 = ghl.locationId();
    ghl.renameLocation(north1, "North Campus");
    north2 = ghl.addLocation("North Online");
    south = ghl.addLocation("South Academy");
    spare = ghl.addLocation("Spare Academy");
    credly = CredlyEmulator.start();
    orgA = credly.firstOrganization();
    orgB = credly.addOrganization("South Credly");
    northBadge = orgA.seedTemplate("North Graduate");
    southBadge = orgB.seedTemplate("South Graduate");
  }

  /** Starts the service; with {@code southTokenExpired}, South's Credly token expired in 2020. */
  private void start(boolean southTokenExpired) throws Exception {
    int port = freePort();
    Files.writeString(folder.resolve("ghl-secret"), ghl.oauth().clientSecret().reveal());
    Files.writeString(folder.resolve("token-a"), orgA.authToken().reveal());
    Files.writeString(folder.resolve("token-b"), orgB.authToken().reveal());
    Path config = folder.resolve("ghl-credly.yaml");
    Files.writeString(
        config,
        """
        server:
          port: %1$d
          public-url: http://127.0.0.1:%1$d
        storage:
          url: jdbc:h2:file:%2$s
        secrets:
          key-file: %3$s
        ghl:
          auth:
            mode: oauth
            client-id: %4$s
            client-secret-file: %5$s
            authorize-url: %6$s/v2/oauth/chooselocation
          base-url: %6$s
          reconcile: { enabled: false }
          webhooks:
            ed25519-public-keys:
              - |
        %7$s
        workspaces:
          - id: north
            name: North Academy
            locations: [%8$s, %9$s]
            credly:
              environment: sandbox
              base-url: %10$s
              organization-id: %11$s
              auth: { token-file: %12$s }
            rules:
              - id: graduated
                when: { tag-added: graduated }
                do: [ { issue-badge: %13$s } ]
              - id: north-only
                when: { tag-added: vip }
                do: [ { ghl-add-tag: north-vip-rule-fired } ]
              - id: north-accepted
                when: { credly-badge: accepted }
                do: [ { ghl-add-tag: north-accepted } ]
          - id: south
            name: South Academy
            locations: [%14$s]
            credly:
              environment: sandbox
              base-url: %10$s
              organization-id: %15$s
              auth: { token-file: %16$s%17$s }
            rules:
              - id: graduated
                when: { tag-added: graduated }
                do: [ { issue-badge: %18$s } ]
              - id: south-accepted
                when: { credly-badge: accepted }
                do: [ { ghl-add-tag: south-accepted } ]
        """
            .formatted(
                port,
                folder.resolve("db"),
                folder.resolve("secret.key"),
                ghl.oauth().clientId(),
                folder.resolve("ghl-secret"),
                ghl.baseUrl(),
                ghl.ed25519PublicKeyPem().strip().indent(12).stripTrailing(),
                north1,
                north2,
                credly.baseUrl(),
                orgA.organizationId(),
                folder.resolve("token-a"),
                northBadge.id(),
                south,
                orgB.organizationId(),
                folder.resolve("token-b"),
                southTokenExpired ? ", token-expires-at: 2020-01-01" : "",
                southBadge.id()));
    AppConfig loaded = ConfigLoader.load(config, Map.of());
    running =
        Application.start(
            loaded, DemoEnvironment.briskJobs(2, Duration.ofMillis(200)), InstantSource.system());
    URI base = URI.create("http://127.0.0.1:" + engine().port());
    ghl.sendWebhooksTo(base.resolve("/webhooks/ghl"));
    orgA.sendWebhooksTo(base.resolve("/webhooks/credly"));
    orgB.sendWebhooksTo(base.resolve("/webhooks/credly"));
    installForTheAgency();
  }

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
    ghl.close();
    credly.close();
  }

  private Application engine() {
    return Objects.requireNonNull(running, "the service is not started");
  }

  @Test
  void theSameTagIssuesEachContactsBadgeFromItsOwnWorkspacesOrganization() throws Exception {
    start(false);
    String ada = ghl.seedContactIn(north1, "Ada", "Lovelace", "ada@example.com");
    String alan = ghl.seedContactIn(north2, "Alan", "Turing", "alan@example.com");
    String grace = ghl.seedContactIn(south, "Grace", "Hopper", "grace@example.com");

    ghl.addTags(ada, "graduated");
    ghl.addTags(alan, "graduated");
    ghl.addTags(grace, "graduated");

    await().atMost(WAIT).until(() -> orgA.badges().size() == 2 && orgB.badges().size() == 1);
    assertThat(orgA.countBadges(northBadge.id(), ada)).isEqualTo(1);
    assertThat(orgA.countBadges(northBadge.id(), alan)).isEqualTo(1);
    assertThat(orgB.countBadges(southBadge.id(), grace)).isEqualTo(1);
    assertThat(orgA.badges()).extracting(Badge::issuerEarnerId).doesNotContain(grace);
    assertThat(orgB.badges()).extracting(Badge::issuerEarnerId).containsExactly(grace);
    // Each organization was called with its own credentials only: none was refused.
    assertThat(orgA.requests())
        .noneMatch(request -> request.path().contains(orgB.organizationId()));
    assertThat(orgB.requests()).allMatch(request -> request.path().contains(orgB.organizationId()));
  }

  @Test
  void theInstallLearnsEachLocationsNameFromGhl() throws Exception {
    start(false);

    JdbcLocationNames names = new JdbcLocationNames(engine().database());
    await().atMost(WAIT).until(() -> names.all().size() == 4);
    assertThat(names.all())
        .containsEntry(new LocationId(north1), "North Campus")
        .containsEntry(new LocationId(south), "South Academy")
        .containsEntry(new LocationId(spare), "Spare Academy");
  }

  @Test
  void aRuleOfOneWorkspaceNeverFiresForAnothersContact() throws Exception {
    start(false);
    String ada = ghl.seedContactIn(north1, "Ada", "Lovelace", "ada@example.com");
    String grace = ghl.seedContactIn(south, "Grace", "Hopper", "grace@example.com");

    ghl.addTags(grace, "vip");
    ghl.addTags(ada, "vip");

    await().atMost(WAIT).until(() -> ghl.tags(ada).contains("north-vip-rule-fired"));
    await().atMost(WAIT).until(() -> processed(grace));
    assertThat(ghl.tags(grace)).doesNotContain("north-vip-rule-fired");
  }

  @Test
  void anAcceptedBadgeWritesBackWithItsOwnWorkspacesRuleOnly() throws Exception {
    start(false);
    String grace = ghl.seedContactIn(south, "Grace", "Hopper", "grace@example.com");
    ghl.addTags(grace, "graduated");
    await().atMost(WAIT).until(() -> orgB.badges().size() == 1);

    orgB.acceptBadge(orgB.badges().get(0).id());

    await().atMost(WAIT).until(() -> ghl.tags(grace).contains("south-accepted"));
    assertThat(ghl.tags(grace)).doesNotContain("north-accepted");
  }

  @Test
  void eventsOfALocationInNoWorkspaceAreHeldAndAppliedOnceItIsAssigned() throws Exception {
    start(false);
    String linus = ghl.seedContactIn(spare, "Linus", "Torvalds", "linus@example.com");

    ghl.addTags(linus, "graduated");

    LocationId location = new LocationId(spare);
    await()
        .atMost(WAIT)
        .until(
            () ->
                engine().stores().inbox().listHeld().stream()
                    .anyMatch(held -> held.location().equals(location)));
    assertThat(engine().counters().eventsHeld()).isPositive();
    assertThat(orgA.badges()).isEmpty();
    assertThat(orgB.badges()).isEmpty();
    assertThat(health()).contains("\"eventsHeld\"");

    new JdbcWorkspaceStore(engine().database())
        .assign(
            new WorkspaceStore.Assignment(
                location, new WorkspaceId("south"), Instant.now(), "test"));
    assertThat(engine().heldEvents().release(location)).hasSize(1);

    await().atMost(WAIT).until(() -> orgB.countBadges(southBadge.id(), linus) == 1);
    assertThat(orgA.badges()).isEmpty();
    assertThat(engine().stores().inbox().listHeld()).isEmpty();
  }

  @Test
  void oneWorkspacesExpiredTokenShowsByNameAndTheOtherKeepsWorking() throws Exception {
    start(true);
    String ada = ghl.seedContactIn(north1, "Ada", "Lovelace", "ada@example.com");

    HttpResponse<String> ready = get("/health/ready");

    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body())
        .contains("\"status\":\"degraded\"")
        .contains("\"failing\":[\"workspace:south\"]")
        .contains("South Academy: Credly token expired");
    assertThat(health()).contains("\"name\":\"South Academy\",\"status\":\"failing\"");
    assertThat(health()).contains("\"name\":\"North Academy\",\"status\":\"ok\"");
    ghl.addTags(ada, "graduated");
    await().atMost(WAIT).until(() -> orgA.countBadges(northBadge.id(), ada) == 1);
  }

  @Test
  void aDisconnectedLocationFailsOnlyItsWorkspace() throws Exception {
    start(false);
    var uninstall =
        ghl.sendSignedWebhook(
            """
            {"type":"UNINSTALL","appId":"app","locationId":"%s","webhookId":"u-1","timestamp":"%s"}"""
                .formatted(south, Instant.now()));
    assertThat(uninstall.status()).as(uninstall.responseBody()).isEqualTo(200);

    HttpResponse<String> ready = get("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body())
        .contains("\"failing\":[\"workspace:south\"]")
        .contains("location " + south + " disconnected");
    String ada = ghl.seedContactIn(north1, "Ada", "Lovelace", "ada@example.com");
    ghl.addTags(ada, "graduated");
    await().atMost(WAIT).until(() -> orgA.countBadges(northBadge.id(), ada) == 1);
  }

  /** Whether the contact's events arrived and were all applied. */
  private boolean processed(String contactId) {
    ContactId id = new ContactId(contactId);
    EventInbox inbox = engine().stores().inbox();
    return !inbox.listByContact(id, 10).isEmpty() && inbox.listPending(id).isEmpty();
  }

  /** The agency admin installs the app for the company: every location gets its token. */
  private void installForTheAgency() throws Exception {
    ghl.oauth().consentAs(ghl.oauth().companyId());
    TestOperators.Credentials admin = TestOperators.add(engine().database(), OperatorRole.ADMIN);
    try (HttpClient browser = TestOperators.signedIn(engine().port(), admin)) {
      HttpResponse<String> done =
          browser.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + engine().port() + "/oauth/ghl/start"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    }
  }

  private String health() throws Exception {
    return get("/health").body();
  }

  private HttpResponse<String> get(String path) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine().port() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
