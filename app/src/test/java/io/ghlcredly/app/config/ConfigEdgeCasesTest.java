package io.ghlcredly.app.config;

import static io.ghlcredly.app.config.ConfigFixtures.minimalEnv;
import static io.ghlcredly.app.config.ConfigFixtures.minimalPlus;
import static io.ghlcredly.app.config.ConfigFixtures.resource;
import static io.ghlcredly.app.config.ConfigFixtures.with;
import static io.ghlcredly.app.config.ConfigFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.error.ConfigException.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Odd but legal YAML, and mistakes that are easy to make. */
class ConfigEdgeCasesTest {
  @TempDir Path directory;

  @Test
  void unquotedDateLikeApiVersionIsReadAsText() throws IOException {
    Path file =
        write(
            directory,
            Files.readString(resource("minimal.yaml"))
                .replace(
                    "ghl:\n",
                    "ghl:\n  api-version: 2021-07-28\n  locations: [ve9EPM428h8vShlRW1KT]\n"));

    AppConfig config = ConfigLoader.load(file, minimalEnv());

    assertThat(config.ghl().apiVersion()).isEqualTo("2021-07-28");
    assertThat(config.ghl().locations()).containsExactly("ve9EPM428h8vShlRW1KT");
  }

  @Test
  void quotedNumbersAndSizeUnitsAreAccepted() throws IOException {
    Path file = minimalPlus(directory, "server:\n  port: \"8081\"\n  max-webhook-bytes: 2MiB\n");

    ServerConfig server = ConfigLoader.load(file, minimalEnv()).server();

    assertThat(server.port()).isEqualTo(8081);
    assertThat(server.maxWebhookBytes()).isEqualTo(2L * 1024 * 1024);
  }

  @Test
  void sectionThatIsNotAMappingIsReported() throws IOException {
    Path file = minimalPlus(directory, "server: 8080\njobs: [1, 2]\n");

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(
            new ConfigProblem("server", "must be a mapping of keys, not '8080'"),
            new ConfigProblem("jobs", "must be a mapping of keys, not a list"));
  }

  @Test
  void storageUrlOfAnUnsupportedDatabaseIsReportedWithoutTheRestOfTheUrl() throws IOException {
    Path file = minimalPlus(directory, "storage:\n  url: jdbc:mysql://db/sync?password=hunter2\n");

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("storage.url");
              assertThat(problem.reason()).contains("jdbc:mysql").doesNotContain("hunter2");
            });
  }

  @Test
  void h2UrlThatWouldLoseAcknowledgedWebhooksIsReported() throws IOException {
    Path file =
        minimalPlus(
            directory, "storage:\n  url: jdbc:h2:file:./data/sync;WRITE_DELAY=500;PASSWORD=x\n");

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("storage.url");
              assertThat(problem.reason())
                  .startsWith("WRITE_DELAY=500 makes H2 write commits to its file")
                  .doesNotContain("PASSWORD");
            });
  }

  @Test
  void listWhereScalarIsExpectedIsReported() throws IOException {
    Path file = minimalPlus(directory, "storage:\n  url: [a, b]\n");

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(new ConfigProblem("storage.url", "must be a single value, not a list"));
  }

  @Test
  void secretKeyVariableIsNotMistakenForAnOverride() {
    Map<String, String> env = with(minimalEnv(), "GCS_SECRET_KEY", "base64-key");

    assertThat(ConfigLoader.check(resource("minimal.yaml"), env)).isEmpty();
  }

  @Test
  void blankOverrideCountsAsUnset() {
    Map<String, String> env = with(minimalEnv(), "GCS_SERVER_PORT", "  ");

    assertThat(ConfigLoader.load(resource("minimal.yaml"), env).server().port()).isEqualTo(8080);
  }

  @Test
  void keyFromEnvCanBeTurnedOff() throws IOException {
    Path file = minimalPlus(directory, "secrets:\n  key-from-env:\n");

    assertThat(ConfigLoader.load(file, minimalEnv()).secrets().keyFromEnv()).isNull();
  }

  @Test
  void emptyFileReportsWhatIsRequired() throws IOException {
    Path file = write(directory, "");

    assertThat(ConfigLoader.check(file, Map.of()))
        .containsExactly(
            new ConfigProblem("ghl.auth.mode", "is required (one of oauth, private-token)"),
            new ConfigProblem("credly.environment", "is required (one of sandbox, production)"),
            new ConfigProblem(
                "credly.organization-id", "is required (the issuing organization's UUID)"),
            new ConfigProblem(
                "credly.auth.token", "is required: set token: ${ENV_VAR} or token-file: <path>"));
  }

  @Test
  void oauthModeNeedsClientCredentialsAndPublicUrl() throws IOException {
    Path file =
        write(
            directory,
            """
            ghl:
              auth:
                mode: oauth
            credly:
              environment: sandbox
              organization-id: 00000000-0000-0000-0000-000000000001
              auth:
                token: ${CREDLY_TOKEN}
            """);

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(
            new ConfigProblem(
                "server.public-url",
                "is required when ghl.auth.mode is oauth (GHL sends installs and webhooks there)"),
            new ConfigProblem("ghl.auth.client-id", "is required (from the GHL marketplace app)"),
            new ConfigProblem(
                "ghl.auth.client-secret",
                "is required: set client-secret: ${ENV_VAR} or client-secret-file: <path>"));
  }

  @Test
  void credlyTokenAndClientCredentialsTogetherAreRefused() throws IOException {
    Path file =
        write(
            directory,
            Files.readString(resource("minimal.yaml"))
                .replace(
                    "    token: ${CREDLY_TOKEN}\n",
                    "    token: ${CREDLY_TOKEN}\n    client-id: x\n"));

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(
            new ConfigProblem(
                "credly.auth.token",
                "set either token (organization token) or client-id and client-secret"
                    + " (OAuth client credentials), not both"));
  }

  @Test
  void credlyOAuthClientCredentialsRecordsAndExpiryAreRead() throws IOException {
    Path file =
        write(
            directory,
            Files.readString(resource("minimal.yaml"))
                    .replace(
                        "    token: ${CREDLY_TOKEN}\n",
                        """
                            client-id: app-1
                            client-secret: ${CREDLY_TOKEN}
                            token-expires-at: 2026-09-30
                        """)
                + "  records: employees\n  max-concurrency: 8\n"
                + "mapping:\n  record: { external-id: '{{contact.id}}', email: '{{contact.email}}' }\n");

    CredlyConfig credly = ConfigLoader.load(file, minimalEnv()).credly();

    assertThat(credly.usesOAuth()).isTrue();
    assertThat(credly.clientId()).isEqualTo("app-1");
    assertThat(credly.tokenExpiresAt()).isEqualTo(java.time.Instant.parse("2026-09-30T00:00:00Z"));
    assertThat(credly.records()).isEqualTo(CredlyConfig.Records.EMPLOYEES);
    assertThat(credly.maxConcurrency()).isEqualTo(8);
  }

  @Test
  void credlyClientIdWithoutSecretAndABadExpiryAreNamed() throws IOException {
    Path file =
        write(
            directory,
            Files.readString(resource("minimal.yaml"))
                .replace(
                    "    token: ${CREDLY_TOKEN}\n",
                    "    client-id: app-1\n    token-expires-at: soon\n"));

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactlyInAnyOrder(
            new ConfigProblem(
                "credly.auth.client-secret",
                "is required: set client-secret: ${ENV_VAR} or client-secret-file: <path>"),
            new ConfigProblem(
                "credly.auth.token-expires-at",
                "must be a date such as 2026-09-30 or a timestamp such as 2026-09-30T12:00:00Z,"
                    + " got 'soon'"));
  }
}
