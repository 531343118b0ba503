package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
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
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service in OAuth mode: an operator installs the app through the engine's own install routes,
 * then a tag added in GHL becomes a badge, read with the location's OAuth token.
 */
class OAuthEndToEndIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path folder;
  private GhlEmulator ghl;
  private CredlyEmulator credly;
  private BadgeTemplate template;
  private Application engine;

  @BeforeEach
  void start() throws IOException {
    ghl = GhlEmulator.start();
    credly = CredlyEmulator.start();
    template = credly.seedTemplate("OAuth Course");
    int port = freePort();
    Files.writeString(folder.resolve("ghl-secret"), ghl.oauth().clientSecret().reveal());
    Files.writeString(folder.resolve("credly-token"), credly.authToken().reveal());
    Path config = folder.resolve("ghl-credly.yaml");
    Files.writeString(
        config,
        """
        server:
          port: %d
          public-url: http://127.0.0.1:%d
        storage:
          url: jdbc:h2:file:%s
        secrets:
          key-file: %s
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
        credly:
          environment: sandbox
          base-url: %s
          organization-id: %s
          auth:
            token-file: %s
        jobs:
          # One attempt: any failure but a disconnected account would be dead-lettered at once.
          max-attempts: 1
        rules:
          - id: oauth-course
            when: { tag-added: oauth-course-complete }
            do:
              - issue-badge: %s
        """
            .formatted(
                port,
                port,
                folder.resolve("db"),
                folder.resolve("secret.key"),
                ghl.oauth().clientId(),
                folder.resolve("ghl-secret"),
                ghl.baseUrl(),
                ghl.baseUrl(),
                ghl.ed25519PublicKeyPem().strip().indent(12).stripTrailing(),
                credly.baseUrl(),
                credly.organizationId(),
                folder.resolve("credly-token"),
                template.id()));
    AppConfig loaded = ConfigLoader.load(config, Map.of());
    engine =
        Application.start(
            loaded, DemoEnvironment.briskJobs(2, Duration.ofMillis(200)), InstantSource.system());
    ghl.sendWebhooksTo(URI.create("http://127.0.0.1:" + engine.port() + "/webhooks/ghl"));
  }

  @AfterEach
  void stop() {
    engine.close();
    ghl.close();
    credly.close();
  }

  @Test
  void issuesBadgeWithTheLocationsOAuthTokenAfterAnInstallThroughTheEngine() throws Exception {
    HttpResponse<String> installed = install();
    assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
    String ada = ghl.seedContact("Ada", "Lovelace", "ada@example.com");

    ghl.addTags(ada, "oauth-course-complete");

    await().atMost(WAIT).until(() -> credly.countBadges(template.id(), ada) == 1);
    assertThat(ghl.requests())
        .filteredOn(request -> request.path().contains(ada) && request.method().equals("GET"))
        .allSatisfy(
            request ->
                assertThat(request.header("authorization").orElse(""))
                    .startsWith("Bearer ")
                    .doesNotContain(ghl.accessToken().reveal()));
  }

  @Test
  void uninstallInGhlMarksTheAccountDisconnectedInHealth() throws Exception {
    assertThat(install().statusCode()).isEqualTo(200);
    assertThat(health()).contains("\"status\":\"CONNECTED\"");

    var answer =
        ghl.sendSignedWebhook(
            """
            {"type":"UNINSTALL","appId":"app","locationId":"%s","webhookId":"u-1","timestamp":"%s"}"""
                .formatted(ghl.locationId(), java.time.Instant.now()));

    assertThat(answer.status()).as(answer.responseBody()).isEqualTo(200);
    assertThat(health()).contains("\"status\":\"DISCONNECTED\"").contains("uninstalled");
  }

  @Test
  void aReplayedUninstallAfterAReinstallLeavesTheAccountConnected() throws Exception {
    assertThat(install().statusCode()).isEqualTo(200);
    String uninstall =
        """
        {"type":"UNINSTALL","appId":"app","locationId":"%s","webhookId":"u-1","timestamp":"%s"}"""
            .formatted(ghl.locationId(), java.time.Instant.now());
    assertThat(ghl.sendSignedWebhook(uninstall).status()).isEqualTo(200);
    assertThat(health()).contains("\"status\":\"DISCONNECTED\"");
    assertThat(install().statusCode()).isEqualTo(200);

    // The same signed bytes, still fresh; then the same uninstall under another id (a late
    // delivery, or a forgery we cannot tell from one): both older than the reinstall.
    var replayed = ghl.sendSignedWebhook(uninstall);
    var late = ghl.sendSignedWebhook(uninstall.replace("\"u-1\"", "\"u-2\""));

    assertThat(replayed.status()).as(replayed.responseBody()).isEqualTo(409);
    assertThat(late.status()).isEqualTo(200);
    assertThat(late.responseBody()).contains("ignored");
    assertThat(health()).contains("\"status\":\"CONNECTED\"").doesNotContain("DISCONNECTED");
  }

  @Test
  void jobsWaitWhileTheLocationHasNoConnectedAccount() {
    String ada = ghl.seedContact("Ada", "Lovelace", "ada@example.com");

    ghl.addTags(ada, "oauth-course-complete");

    await().atMost(WAIT).until(() -> engine.counters().eventsAccepted() == 1);
    await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> engine.queuedJobs() == 1);
    assertThat(engine.stores().deadLetters().count()).isZero();
    assertThat(credly.badges()).isEmpty();
  }

  private HttpResponse<String> install() throws IOException, InterruptedException {
    TestOperators.Credentials admin = TestOperators.add(engine.database(), OperatorRole.ADMIN);
    try (HttpClient browser = TestOperators.signedIn(engine.port(), admin)) {
      return browser.send(
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + engine.port() + "/oauth/ghl/start"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void startsAnInstallOnlyForASignedInAdmin() throws Exception {
    TestOperators.Credentials editor = TestOperators.add(engine.database(), OperatorRole.EDITOR);
    URI start = URI.create("http://127.0.0.1:" + engine.port() + "/oauth/ghl/start");
    try (HttpClient anonymous = HttpClient.newHttpClient();
        HttpClient signedInEditor = TestOperators.signedIn(engine.port(), editor)) {
      HttpResponse<String> nobody =
          anonymous.send(
              HttpRequest.newBuilder(start).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> notAdmin =
          signedInEditor.send(
              HttpRequest.newBuilder(start).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(nobody.statusCode()).isEqualTo(401);
      assertThat(notAdmin.statusCode()).isEqualTo(403);
      assertThat(notAdmin.body()).contains("admin role");
    }
    assertThat(ghl.requests()).noneMatch(request -> request.path().contains("oauth"));
  }

  private String health() throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.port() + "/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
