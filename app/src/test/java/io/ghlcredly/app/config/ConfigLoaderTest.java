package io.ghlcredly.app.config;

import static io.ghlcredly.app.config.ConfigFixtures.minimalEnv;
import static io.ghlcredly.app.config.ConfigFixtures.resource;
import static io.ghlcredly.app.config.ConfigFixtures.validEnv;
import static io.ghlcredly.app.config.ConfigFixtures.with;
import static io.ghlcredly.app.config.ConfigFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.app.config.CredlyConfig.Environment;
import io.ghlcredly.app.config.GhlConfig.AuthMode;
import io.ghlcredly.core.error.ConfigException;
import io.ghlcredly.core.error.ConfigException.ConfigProblem;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path directory;

  @Test
  void minimalFileLoadsWithDefaults() {
    AppConfig config = ConfigLoader.load(resource("minimal.yaml"), minimalEnv());

    assertThat(config.server()).isEqualTo(ServerConfig.defaults());
    assertThat(config.storage()).isEqualTo(StorageConfig.defaults());
    assertThat(config.storage().url()).isEqualTo("jdbc:h2:file:./data/ghl-credly");
    assertThat(config.secrets()).isEqualTo(SecretsConfig.defaults());
    assertThat(config.secrets().keyFromEnv()).isEqualTo("GCS_SECRET_KEY");
    assertThat(config.jobs()).isEqualTo(JobsConfig.defaults());
    assertThat(config.rules()).isEqualTo(RuleSet.empty());
    GhlConfig ghl = config.ghl();
    assertThat(ghl.mode()).isEqualTo(AuthMode.PRIVATE_TOKEN);
    assertThat(ghl.privateToken()).isEqualTo(Secret.of(ConfigFixtures.GHL_TOKEN));
    assertThat(ghl.apiVersion()).isEqualTo("2021-07-28");
    assertThat(ghl.baseUrl()).isEqualTo(URI.create("https://services.leadconnectorhq.com"));
    assertThat(ghl.locations()).isEmpty();
    assertThat(ghl.privateTokenLocation()).isEqualTo("ve9EPM428h8vShlRW1KT");
    assertThat(ghl.webhooks()).isEqualTo(WebhookConfig.defaults());
    CredlyConfig credly = config.credly();
    assertThat(credly.environment()).isEqualTo(Environment.SANDBOX);
    assertThat(credly.apiBaseUrl()).isEqualTo(URI.create("https://sandbox-api.credly.com/v1"));
    assertThat(credly.organizationId()).isEqualTo("6a1b2c3d-0000-4000-8000-00000000000a");
    assertThat(credly.token().reveal()).isEqualTo(ConfigFixtures.CREDLY_TOKEN);
    assertThat(credly.timeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void validFileSetsEveryKey() {
    AppConfig config = ConfigLoader.load(resource("valid.yaml"), validEnv());

    assertThat(config.server())
        .isEqualTo(
            new ServerConfig(
                9090,
                URI.create("https://sync.example.com"),
                Secret.of(ConfigFixtures.ADMIN_TOKEN),
                512 * 1024));
    assertThat(config.storage())
        .isEqualTo(
            new StorageConfig(
                "jdbc:postgresql://db:5432/ghl_credly",
                "sync",
                Secret.of(ConfigFixtures.DB_PASSWORD),
                20));
    assertThat(config.secrets())
        .isEqualTo(new SecretsConfig(Path.of("/var/lib/ghl-credly/secret.key"), "SYNC_KEY"));
    GhlConfig ghl = config.ghl();
    assertThat(ghl.mode()).isEqualTo(AuthMode.OAUTH);
    assertThat(ghl.clientId()).isEqualTo("client-id-1");
    assertThat(ghl.clientSecret()).isEqualTo(Secret.of(ConfigFixtures.GHL_CLIENT_SECRET));
    assertThat(ghl.privateToken()).isNull();
    assertThat(ghl.baseUrl()).isEqualTo(URI.create("http://localhost:8181"));
    assertThat(ghl.locations()).containsExactly("ve9EPM428h8vShlRW1KT", "loc-2");
    assertThat(ghl.webhooks().maxAge()).isEqualTo(Duration.ofMinutes(10));
    assertThat(ghl.webhooks().ed25519PublicKeys()).hasSize(1);
    assertThat(ghl.webhooks().ed25519PublicKeys().get(0)).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(ghl.webhooks().acceptLegacyRsa()).isFalse();
    CredlyConfig credly = config.credly();
    assertThat(credly.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(credly.apiBaseUrl()).isEqualTo(URI.create("http://localhost:8282/v1"));
    assertThat(credly.token().reveal()).isEqualTo(ConfigFixtures.CREDLY_FILE_TOKEN);
    assertThat(credly.timeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(config.jobs())
        .isEqualTo(new JobsConfig(2, 5, Duration.ofMillis(500), Duration.ofHours(1)));
    assertThat(config.rules().rules()).hasSize(2);
  }

  @Test
  void checkFindsNoProblemInValidFile() {
    assertThat(ConfigLoader.check(resource("valid.yaml"), validEnv())).isEmpty();
  }

  @Test
  void interpolationUsesDefaultOnlyWhenVariableIsUnsetOrEmpty() {
    Path file = resource("valid.yaml");

    assertThat(ConfigLoader.load(file, with(validEnv(), "DB_URL", "")).storage().url())
        .isEqualTo("jdbc:postgresql://db:5432/ghl_credly");
    assertThat(ConfigLoader.load(file, with(validEnv(), "DB_URL", "jdbc:h2:mem:x")).storage().url())
        .isEqualTo("jdbc:h2:mem:x");
  }

  @Test
  void interpolationExpandsSeveralReferencesInOneValue() throws IOException {
    Path file =
        ConfigFixtures.minimalPlus(
            directory,
            """
            storage:
              url: jdbc:postgresql://${DB_HOST}:${DB_PORT:-5432}/sync
            """);

    AppConfig config = ConfigLoader.load(file, with(minimalEnv(), "DB_HOST", "db.internal"));

    assertThat(config.storage().url()).isEqualTo("jdbc:postgresql://db.internal:5432/sync");
  }

  @Test
  void missingVariableIsReportedAtThePathThatUsesIt() {
    Map<String, String> env = Map.of("GHL_TOKEN", ConfigFixtures.GHL_TOKEN);

    assertThat(ConfigLoader.check(resource("minimal.yaml"), env))
        .containsExactly(
            new ConfigProblem("credly.auth.token", "environment variable CREDLY_TOKEN is not set"));
  }

  @Test
  void missingVariableInPlainValueIsReportedOnceAtItsPath() {
    Map<String, String> env = validEnv();
    env.remove("GHL_CLIENT_ID");

    assertThat(ConfigLoader.check(resource("valid.yaml"), env))
        .containsExactly(
            new ConfigProblem(
                "ghl.auth.client-id", "environment variable GHL_CLIENT_ID is not set"));
  }

  @Test
  void overrideVariableWinsOverFile() {
    Map<String, String> env = validEnv();
    env.put("GCS_SERVER_PORT", "7070");
    env.put("GCS_STORAGE_URL", "jdbc:h2:mem:override");
    env.put("GCS_CREDLY_ORGANIZATION_ID", "00000000-0000-0000-0000-0000000000ff");
    env.put("GCS_CREDLY_AUTH_TOKEN", "override-token-1");
    env.put("GCS_JOBS_MAX_BACKOFF", "2h");
    env.put("GCS_GHL_WEBHOOKS_ACCEPT_LEGACY_RSA", "true");

    AppConfig config = ConfigLoader.load(resource("valid.yaml"), env);

    assertThat(config.server().port()).isEqualTo(7070);
    assertThat(config.storage().url()).isEqualTo("jdbc:h2:mem:override");
    assertThat(config.credly().organizationId()).isEqualTo("00000000-0000-0000-0000-0000000000ff");
    assertThat(config.credly().token().reveal()).isEqualTo("override-token-1");
    assertThat(config.jobs().maxBackoff()).isEqualTo(Duration.ofHours(2));
    assertThat(config.ghl().webhooks().acceptLegacyRsa()).isTrue();
  }

  @Test
  void overrideVariablesCanSupplyRequiredKeysMissingFromTheFile() throws IOException {
    Path file = write(directory, "# empty: everything from the environment\n");
    Map<String, String> env =
        Map.of(
            "GCS_GHL_AUTH_MODE", "private-token",
            "GCS_GHL_AUTH_PRIVATE_TOKEN", "pit-1",
            "GCS_GHL_AUTH_LOCATION_ID", "loc-from-env",
            "GCS_CREDLY_ENVIRONMENT", "production",
            "GCS_CREDLY_ORGANIZATION_ID", "00000000-0000-0000-0000-000000000002",
            "GCS_CREDLY_AUTH_TOKEN_FILE", resource("secrets/credly-token").toString());

    AppConfig config = ConfigLoader.load(file, env);

    assertThat(config.ghl().privateToken()).isEqualTo(Secret.of("pit-1"));
    assertThat(config.ghl().privateTokenLocation()).isEqualTo("loc-from-env");
    assertThat(config.credly().token().reveal()).isEqualTo(ConfigFixtures.CREDLY_FILE_TOKEN);
  }

  @Test
  void invalidOverrideNamesTheVariable() {
    Map<String, String> env = with(minimalEnv(), "GCS_SERVER_PORT", "abc");

    assertThat(ConfigLoader.check(resource("minimal.yaml"), env))
        .containsExactly(
            new ConfigProblem(
                "server.port",
                "must be an integer between 1 and 65535, got 'abc' (from GCS_SERVER_PORT)"));
  }

  @Test
  void misspeltOverrideVariableIsReportedWithSuggestion() {
    Map<String, String> env = with(minimalEnv(), "GCS_SERVER_PROT", "9000");

    assertThat(ConfigLoader.check(resource("minimal.yaml"), env))
        .containsExactly(
            new ConfigProblem(
                "GCS_SERVER_PROT", "unknown override variable (did you mean 'GCS_SERVER_PORT'?)"));
  }

  @Test
  void ownVariablesWithReservedPrefixAreAllowedWhenReferenced() throws IOException {
    Path file =
        ConfigFixtures.minimalPlus(directory, "server:\n  admin-token: ${GCS_SERVER_ADMIN}\n");
    Map<String, String> env = with(minimalEnv(), "GCS_SERVER_ADMIN", ConfigFixtures.ADMIN_TOKEN);

    assertThat(ConfigLoader.check(file, env)).isEmpty();
  }

  @Test
  void everyProblemIsReportedWithItsPathInOneException() {
    Map<String, String> env = Map.of("GHL_CLIENT_ID", "id", "CREDLY_TOKEN", "token-1");

    assertThatThrownBy(() -> ConfigLoader.load(resource("broken.yaml"), env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            exception ->
                assertThat(exception.problems())
                    .containsExactlyInAnyOrder(
                        new ConfigProblem(
                            "server.port", "must be an integer between 1 and 65535, got 'abc'"),
                        new ConfigProblem(
                            "server.public-url",
                            "is required when ghl.auth.mode is oauth"
                                + " (GHL sends installs and webhooks there)"),
                        new ConfigProblem(
                            "server.publik-url", "unknown key (did you mean 'public-url'?)"),
                        new ConfigProblem(
                            "storage.max-pool-size",
                            "must be an integer between 1 and 200, got '0'"),
                        new ConfigProblem(
                            "ghl.auth.client-secret",
                            "inline secrets are not allowed; use ${ENV} or client-secret-file"),
                        new ConfigProblem(
                            "ghl.webhooks.max-age",
                            "must be a duration between 1s and 1d, such as 500ms, 30s, 5m, 2h"
                                + " or 7d, got '5 minutes'"),
                        new ConfigProblem(
                            "credly.environment",
                            "must be one of sandbox, production, got 'staging'"),
                        new ConfigProblem(
                            "credly.organization-id",
                            "is required (the issuing organization's UUID)"),
                        new ConfigProblem(
                            "rules[0].do[0].issue-badge.template",
                            "must be a Credly badge template UUID, got 'not-a-uuid'")))
        .hasMessageContaining("server.port: must be an integer");
  }

  @Test
  void theExamplesAllZeroOrganizationIdIsRefusedAsAPlaceholder() throws IOException {
    Path file =
        write(
            directory,
            """
            ghl:
              auth:
                mode: private-token
                private-token: ${GHL}
                location-id: loc-1
            credly:
              environment: sandbox
              organization-id: 00000000-0000-0000-0000-000000000000
              auth:
                token: ${CREDLY}
            """);

    assertThat(ConfigLoader.check(file, Map.of("GHL", "pit-1", "CREDLY", "token-1")))
        .containsExactly(
            new ConfigProblem(
                "credly.organization-id",
                "is the example's placeholder: set your organization's id, Credly: Settings >"
                    + " Organization"));
  }

  @Test
  void inlineSecretIsRefused() throws IOException {
    Path file =
        write(
            directory,
            """
            ghl:
              auth:
                mode: private-token
                private-token: pit-1234-inline
                location-id: loc-1
            credly:
              environment: sandbox
              organization-id: 00000000-0000-0000-0000-000000000001
              auth:
                token: 12345
            """);

    assertThat(ConfigLoader.check(file, Map.of()))
        .containsExactly(
            new ConfigProblem(
                "ghl.auth.private-token",
                "inline secrets are not allowed; use ${ENV} or private-token-file"),
            new ConfigProblem(
                "credly.auth.token", "inline secrets are not allowed; use ${ENV} or token-file"));
  }

  @Test
  void secretDefaultIsAnInlineSecretUnlessEmpty() throws IOException {
    Path inlineDefault =
        ConfigFixtures.minimalPlus(
            directory, "server:\n  admin-token: ${ADMIN:-0123456789abcdef0123}\n");
    Path emptyDefault =
        ConfigFixtures.minimalPlus(directory, "server:\n  admin-token: ${ADMIN:-}\n");

    assertThat(ConfigLoader.check(inlineDefault, minimalEnv()))
        .containsExactly(
            new ConfigProblem(
                "server.admin-token",
                "inline secrets are not allowed; use ${ENV} or admin-token-file"));
    assertThat(ConfigLoader.load(emptyDefault, minimalEnv()).server().adminToken()).isNull();
  }

  @Test
  void secretIsReadFromFileWithoutTrailingNewline() throws IOException {
    Path file =
        ConfigFixtures.minimalPlus(
            directory, "storage:\n  password-file: " + resource("secrets/credly-token") + "\n");

    AppConfig config = ConfigLoader.load(file, minimalEnv());

    assertThat(config.storage().password()).isEqualTo(Secret.of(ConfigFixtures.CREDLY_FILE_TOKEN));
  }

  @Test
  void missingSecretFileIsReportedWithoutAnyValue() throws IOException {
    Path missing = directory.resolve("no-such-secret");
    Path file =
        ConfigFixtures.minimalPlus(directory, "storage:\n  password-file: " + missing + "\n");

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(
            new ConfigProblem(
                "storage.password-file",
                "cannot read secret file " + missing + " (NoSuchFileException)"));
  }

  @Test
  void secretAndSecretFileTogetherAreRefused() throws IOException {
    Path file =
        ConfigFixtures.minimalPlus(
            directory, "storage:\n  password: ${DB_PASSWORD}\n  password-file: /run/secrets/db\n");

    assertThat(ConfigLoader.check(file, with(minimalEnv(), "DB_PASSWORD", "x")))
        .containsExactly(
            new ConfigProblem(
                "storage.password", "set either password or password-file, not both"));
  }

  @Test
  void shortAdminTokenIsRefusedWithoutShowingIt() throws IOException {
    Path file = ConfigFixtures.minimalPlus(directory, "server:\n  admin-token: ${ADMIN}\n");

    List<ConfigProblem> problems = ConfigLoader.check(file, with(minimalEnv(), "ADMIN", "hunter2"));

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("server.admin-token");
              assertThat(problem.reason())
                  .startsWith("is too short: 7 characters, at least 32 are needed")
                  .contains("openssl rand -base64 32")
                  .doesNotContain("hunter2");
            });
  }

  @Test
  void longButGuessableAdminTokensAreRefusedWithHowToMakeOne() throws IOException {
    Path file = ConfigFixtures.minimalPlus(directory, "server:\n  admin-token: ${ADMIN}\n");

    for (String weak :
        List.of(
            "a".repeat(40),
            "abcabcabcabcabcabcabcabcabcabcabcabc",
            "1234567890123456789012345678901234567")) {
      assertThat(ConfigLoader.check(file, with(minimalEnv(), "ADMIN", weak)))
          .as(weak)
          .singleElement()
          .satisfies(
              problem ->
                  assertThat(problem.reason())
                      .startsWith("is too easy to guess: about ")
                      .contains("at least 128 are needed", "openssl rand -base64 32")
                      .doesNotContain(weak));
    }
  }

  @Test
  void aTokenFromOpensslRandIsStrongEnough() throws IOException {
    Path file = ConfigFixtures.minimalPlus(directory, "server:\n  admin-token: ${ADMIN}\n");
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String base64 = Base64.getEncoder().encodeToString(random);
    String hex = HexFormat.of().formatHex(random);

    assertThat(ConfigLoader.check(file, with(minimalEnv(), "ADMIN", base64))).isEmpty();
    assertThat(ConfigLoader.check(file, with(minimalEnv(), "ADMIN", hex))).isEmpty();
  }

  @Test
  void hostAndManagementPortAreReadAndChecked() throws IOException {
    Path file =
        ConfigFixtures.minimalPlus(
            directory, "server:\n  port: 8080\n  host: 127.0.0.1\n  management-port: 9090\n");
    ServerConfig server = ConfigLoader.load(file, minimalEnv()).server();
    assertThat(server.host()).isEqualTo("127.0.0.1");
    assertThat(server.managementPort()).isEqualTo(9090);
    assertThat(server.adminPort()).isEqualTo(9090);

    ServerConfig defaults =
        ConfigLoader.load(ConfigFixtures.minimalPlus(directory, ""), minimalEnv()).server();
    assertThat(defaults.host()).isEqualTo("0.0.0.0");
    assertThat(defaults.managementPort()).isNull();
    assertThat(defaults.adminPort()).isEqualTo(8080);

    Path same =
        ConfigFixtures.minimalPlus(directory, "server:\n  port: 8080\n  management-port: 8080\n");
    Path badHost = ConfigFixtures.minimalPlus(directory, "server:\n  host: 'not a host'\n");
    assertThat(ConfigLoader.check(same, minimalEnv()))
        .extracting(ConfigProblem::path)
        .containsExactly("server.management-port");
    assertThat(ConfigLoader.check(badHost, minimalEnv()))
        .extracting(ConfigProblem::path)
        .containsExactly("server.host");
    assertThat(
            ConfigLoader.load(file, with(minimalEnv(), "GCS_SERVER_HOST", "::1")).server().host())
        .isEqualTo("::1");
  }

  @Test
  void operatorCommandsLoadTheirPartWithoutTheConnectorSecrets() throws IOException {
    Path file =
        ConfigFixtures.write(
            directory,
            """
            server:
              port: 8181
            storage:
              url: jdbc:h2:file:./data/operator-test
            ghl:
              auth:
                mode: private-token
                private-token: ${GHL_PRIVATE_TOKEN}
                location-id: ${GHL_LOCATION_ID}
            credly:
              environment: sandbox
              organization-id: ${CREDLY_ORGANIZATION_ID}
              auth:
                token: ${CREDLY_ORG_TOKEN}
            rules:
              - id: any
                when: { tag-added: x }
                do: [ { issue-badge: not-a-uuid } ]
            """);

    OperatorConfig config = ConfigLoader.loadOperatorConfig(file, Map.of());

    assertThat(config.server().port()).isEqualTo(8181);
    assertThat(config.storage().url()).isEqualTo("jdbc:h2:file:./data/operator-test");
    assertThat(ConfigLoader.check(file, Map.of()))
        .extracting(ConfigProblem::path)
        .contains("ghl.auth.private-token", "credly.auth.token");
  }

  @Test
  void operatorCommandsStillReportProblemsOfTheirOwnSections() throws IOException {
    Path file =
        ConfigFixtures.write(
            directory,
            "server:\n  port: none\nstorage:\n  ur1: x\nsecrets:\n  key-file: ./k\nghl: {}\n");

    assertThatThrownBy(() -> ConfigLoader.loadOperatorConfig(file, Map.of("GCS_STORAGE_URLL", "x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.port")
        .hasMessageContaining("storage.ur1: unknown key")
        .hasMessageContaining("GCS_STORAGE_URLL");
  }

  @Test
  void unknownKeysAreReportedWithSuggestionWhenClose() throws IOException {
    Path file =
        ConfigFixtures.minimalPlus(
            directory,
            """
            jobs:
              max-atempts: 3
              colour: blue
            sever:
              port: 1
            """);

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactlyInAnyOrder(
            new ConfigProblem("jobs.max-atempts", "unknown key (did you mean 'max-attempts'?)"),
            new ConfigProblem("jobs.colour", "unknown key"),
            new ConfigProblem("sever", "unknown key (did you mean 'server'?)"));
  }

  @Test
  void badDurationIsReportedWithAllowedRange() throws IOException {
    Path file = ConfigFixtures.minimalPlus(directory, "jobs:\n  initial-backoff: 5\n");

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(
            new ConfigProblem(
                "jobs.initial-backoff",
                "must be a duration between 100ms and 1d, such as 500ms, 30s, 5m, 2h or 7d,"
                    + " got '5'"));
  }

  @Test
  void maxBackoffShorterThanInitialBackoffIsRefused() throws IOException {
    Path file =
        ConfigFixtures.minimalPlus(
            directory, "jobs:\n  initial-backoff: 10m\n  max-backoff: PT1M\n");

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(
            new ConfigProblem(
                "jobs.max-backoff", "must not be shorter than initial-backoff (10m), got '1m'"));
  }

  @Test
  void keysOfTheOtherGhlModeAreRefused() throws IOException {
    Path file =
        write(
            directory,
            """
            ghl:
              auth:
                mode: private-token
                private-token: ${GHL_TOKEN}
                location-id: loc-1
                client-id: abc
            credly:
              environment: sandbox
              organization-id: 00000000-0000-0000-0000-000000000001
              auth:
                token: ${CREDLY_TOKEN}
            """);

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(
            new ConfigProblem("ghl.auth.client-id", "is only used when mode is oauth"));
  }

  @Test
  void invalidWebhookPublicKeysAreRefused() throws IOException {
    Path file =
        write(
            directory,
            """
            ghl:
              auth:
                mode: private-token
                private-token: ${GHL_TOKEN}
                location-id: loc-1
              webhooks:
                ed25519-public-keys: ["-----BEGIN PUBLIC KEY-----AAAA-----END PUBLIC KEY-----"]
                rsa-public-keys: [not-a-pem]
            credly:
              environment: sandbox
              organization-id: 00000000-0000-0000-0000-000000000001
              auth:
                token: ${CREDLY_TOKEN}
            """);

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(
            new ConfigProblem(
                "ghl.webhooks.ed25519-public-keys[0]", "not a valid Ed25519 public key"),
            new ConfigProblem(
                "ghl.webhooks.rsa-public-keys[0]",
                "must be a PEM public key (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----)"));
  }

  @Test
  void yamlSyntaxErrorIsReportedWithLine() throws IOException {
    Path file = write(directory, "server:\n  port: 8080\n   bad: [\n");

    List<ConfigProblem> problems = ConfigLoader.check(file, Map.of());

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo("(file)");
    assertThat(problems.get(0).reason()).startsWith("invalid YAML at line");
  }

  @Test
  void aTabIsReportedAtItsOwnLineAndColumnAsATab() throws IOException {
    Path file = write(directory, "server:\n  port: 8080\nstorage:\n\turl: jdbc:h2:mem:x\n");

    List<ConfigProblem> problems = ConfigLoader.check(file, Map.of());

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem ->
                assertThat(problem.reason())
                    .startsWith("invalid YAML at line 4, column 1: ")
                    .contains("tab"));
  }

  @Test
  void anUnclosedBracketKeepsTheParsersLineColumnAndReason() throws IOException {
    Path file = write(directory, "server:\n  port: 8080\nghl:\n  locations: [a, b\njobs: {}\n");

    List<ConfigProblem> problems = ConfigLoader.check(file, Map.of());

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem ->
                assertThat(problem.reason())
                    .matches("invalid YAML at line 5, column \\d+: .*flow sequence.*"));
  }

  @Test
  void duplicateKeyIsRefusedRatherThanLastOneWinning() throws IOException {
    Path file = write(directory, "server:\n  port: 8080\n  port: 9090\n");

    List<ConfigProblem> problems = ConfigLoader.check(file, Map.of());

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason()).contains("port"));
  }

  @Test
  void secondYamlDocumentIsRefused() throws IOException {
    Path file = write(directory, Files.readString(resource("minimal.yaml")) + "---\nserver: {}\n");

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(
            new ConfigProblem("(file)", "must hold one YAML document, found more after '---'"));
  }

  @Test
  void missingFileIsReported() {
    Path file = directory.resolve("absent.yaml");

    assertThat(ConfigLoader.check(file, Map.of()))
        .containsExactly(
            new ConfigProblem("(file)", "no such file: " + file.toAbsolutePath().normalize()));
  }
}
