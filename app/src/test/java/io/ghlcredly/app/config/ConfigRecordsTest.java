package io.ghlcredly.app.config;

import static io.ghlcredly.app.config.ConfigFixtures.resource;
import static io.ghlcredly.app.config.ConfigFixtures.validEnv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.app.config.CredlyConfig.Environment;
import io.ghlcredly.app.config.GhlConfig.AuthMode;
import io.ghlcredly.core.error.ConfigException;
import io.ghlcredly.core.job.RetryPolicy;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.credly.CredlyCredentials;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRecordsTest {
  private static final List<String> SECRET_VALUES =
      List.of(
          ConfigFixtures.ADMIN_TOKEN,
          ConfigFixtures.DB_PASSWORD,
          ConfigFixtures.GHL_CLIENT_SECRET,
          ConfigFixtures.CREDLY_FILE_TOKEN);

  @Test
  void toStringOfLoadedConfigShowsNoSecret() {
    AppConfig config = ConfigLoader.load(resource("valid.yaml"), validEnv());

    assertThat(config.toString())
        .contains("adminToken=***", "password=***", "clientSecret=***", "token=***");
    for (String secret : SECRET_VALUES) {
      assertThat(config.toString()).doesNotContain(secret);
    }
  }

  @Test
  void problemsNeverQuoteSecretValues() {
    Map<String, String> env = validEnv();
    env.put("GCS_SERVER_PORT", "0");
    env.put("ADMIN_TOKEN", "short-secret");

    assertThatThrownBy(() -> ConfigLoader.load(resource("valid.yaml"), env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.admin-token")
        .hasMessageNotContaining("short-secret");
  }

  @Test
  void storageToStringHidesCredentialsInTheUrl() {
    StorageConfig storage =
        new StorageConfig(
            "jdbc:postgresql://db:5432/sync?user=sync&password=pg-pass-1&ssl=true",
            "sync",
            Secret.of("pg-pass-2"),
            5);

    assertThat(storage.toString())
        .doesNotContain("pg-pass-1", "pg-pass-2")
        .contains("password=***&ssl=true");
    assertThat(new StorageConfig("jdbc:mysql://root:pw-3@db/x", null, null, 1).redactedUrl())
        .isEqualTo("jdbc:mysql://root:***@db/x");
  }

  @Test
  void credlyUsesEnvironmentUrlUnlessOverridden() {
    Secret token = Secret.of("t");
    String organization = "00000000-0000-0000-0000-000000000001";

    assertThat(
            new CredlyConfig(
                    Environment.PRODUCTION, null, organization, token, Duration.ofSeconds(5))
                .apiBaseUrl())
        .isEqualTo(URI.create("https://api.credly.com/v1"));
    assertThat(
            new CredlyConfig(Environment.SANDBOX, null, organization, token, Duration.ofSeconds(5))
                .apiBaseUrl())
        .isEqualTo(URI.create("https://sandbox-api.credly.com/v1"));
    URI local = URI.create("http://127.0.0.1:9999/v1");
    assertThat(
            new CredlyConfig(
                    Environment.PRODUCTION, local, organization, token, Duration.ofSeconds(5))
                .apiBaseUrl())
        .isEqualTo(local);
  }

  @Test
  void credlyCredentialsFollowTheConfiguredMode() {
    String organization = "00000000-0000-0000-0000-000000000001";
    Instant expiry = Instant.parse("2026-09-30T00:00:00Z");
    CredlyConfig oauth =
        new CredlyConfig(
            Environment.SANDBOX,
            null,
            organization,
            null,
            "app-1",
            Secret.of("s"),
            null,
            expiry,
            Duration.ofSeconds(5),
            2,
            CredlyConfig.Records.EMPLOYEES);

    assertThat(oauth.usesOAuth()).isTrue();
    assertThat(oauth.credentials())
        .isInstanceOfSatisfying(
            CredlyCredentials.ClientCredentials.class,
            client -> {
              assertThat(client.clientId()).isEqualTo("app-1");
              assertThat(client.tokenUrl())
                  .isEqualTo(URI.create("https://sandbox.credly.com/oauth/token"));
              assertThat(client.expiresAt()).isEqualTo(expiry);
            });
    assertThatThrownBy(oauth::token).isInstanceOf(IllegalStateException.class);
    assertThat(
            new CredlyConfig(
                    Environment.PRODUCTION,
                    null,
                    organization,
                    Secret.of("t"),
                    Duration.ofSeconds(5))
                .credentials())
        .isEqualTo(new CredlyCredentials.OrganizationToken(Secret.of("t"), null));
    assertThatThrownBy(
            () ->
                new CredlyConfig(
                    Environment.SANDBOX,
                    null,
                    organization,
                    Secret.of("t"),
                    "app-1",
                    Secret.of("s"),
                    null,
                    null,
                    Duration.ofSeconds(5),
                    2,
                    CredlyConfig.Records.NONE))
        .hasMessageContaining("not both");
  }

  @Test
  void jobsDescribeTheRetryPolicy() {
    assertThat(JobsConfig.defaults().retryPolicy()).isEqualTo(RetryPolicy.defaults());
    assertThat(new JobsConfig(1, 3, Duration.ofSeconds(1), Duration.ofMinutes(1)).retryPolicy())
        .isEqualTo(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(1)));
  }

  @Test
  void recordsRefuseInconsistentValues() {
    assertThatThrownBy(() -> new JobsConfig(1, 1, Duration.ofMinutes(2), Duration.ofMinutes(1)))
        .hasMessageContaining("max-backoff");
    assertThatThrownBy(
            () ->
                new GhlConfig(
                    AuthMode.OAUTH,
                    null,
                    null,
                    Secret.of("s"),
                    GhlConfig.DEFAULT_API_VERSION,
                    GhlConfig.DEFAULT_BASE_URL,
                    List.of(),
                    WebhookConfig.defaults()))
        .hasMessageContaining("client-id");
    assertThatThrownBy(
            () ->
                new CredlyConfig(
                    Environment.SANDBOX, null, "org", Secret.of("t"), Duration.ofSeconds(1)))
        .hasMessageContaining("organization-id");
    assertThatThrownBy(() -> new StorageConfig("postgres://x", null, null, 1))
        .hasMessageContaining("JDBC");
  }

  @Test
  void listsAreCopiedAndImmutable() {
    List<String> locations = new ArrayList<>(List.of("loc-1"));
    GhlConfig ghl =
        new GhlConfig(
            AuthMode.PRIVATE_TOKEN,
            Secret.of("p"),
            null,
            null,
            GhlConfig.DEFAULT_API_VERSION,
            GhlConfig.DEFAULT_BASE_URL,
            locations,
            WebhookConfig.defaults());

    locations.add("loc-2");

    assertThat(ghl.locations()).containsExactly("loc-1");
    assertThatThrownBy(() -> ghl.locations().add("loc-3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void overrideVariablesCoverEveryScalarKey() {
    assertThat(ConfigLoader.overrideVariables())
        .containsEntry("GCS_SERVER_PORT", "server.port")
        .containsEntry("GCS_GHL_AUTH_PRIVATE_TOKEN", "ghl.auth.private-token")
        .containsEntry("GCS_CREDLY_AUTH_TOKEN_FILE", "credly.auth.token-file")
        .containsEntry("GCS_GHL_AUTH_LOCATION_ID", "ghl.auth.location-id")
        .containsOnlyKeys(
            "GCS_SERVER_PORT",
            "GCS_SERVER_HOST",
            "GCS_SERVER_MANAGEMENT_PORT",
            "GCS_SERVER_PUBLIC_URL",
            "GCS_SERVER_ADMIN_TOKEN",
            "GCS_SERVER_ADMIN_TOKEN_FILE",
            "GCS_SERVER_MAX_WEBHOOK_BYTES",
            "GCS_SERVER_INSTANCE_NAME",
            "GCS_STORAGE_URL",
            "GCS_STORAGE_USERNAME",
            "GCS_STORAGE_PASSWORD",
            "GCS_STORAGE_PASSWORD_FILE",
            "GCS_STORAGE_MAX_POOL_SIZE",
            "GCS_SECRETS_KEY_FILE",
            "GCS_SECRETS_KEY_FROM_ENV",
            "GCS_GHL_AUTH_MODE",
            "GCS_GHL_AUTH_AUTHORIZE_URL",
            "GCS_GHL_AUTH_CLIENT_ID",
            "GCS_GHL_AUTH_CLIENT_SECRET",
            "GCS_GHL_AUTH_CLIENT_SECRET_FILE",
            "GCS_GHL_AUTH_PRIVATE_TOKEN",
            "GCS_GHL_AUTH_PRIVATE_TOKEN_FILE",
            "GCS_GHL_AUTH_LOCATION_ID",
            "GCS_GHL_API_VERSION",
            "GCS_GHL_BASE_URL",
            "GCS_GHL_WEBHOOKS_MAX_AGE",
            "GCS_GHL_WEBHOOKS_ACCEPT_LEGACY_RSA",
            "GCS_GHL_RECONCILE_ENABLED",
            "GCS_GHL_RECONCILE_EVERY",
            "GCS_GHL_RECONCILE_LOOKBACK",
            "GCS_GHL_RECONCILE_BUDGET_SHARE",
            "GCS_CREDLY_ENVIRONMENT",
            "GCS_CREDLY_BASE_URL",
            "GCS_CREDLY_ORGANIZATION_ID",
            "GCS_CREDLY_AUTH_TOKEN",
            "GCS_CREDLY_AUTH_TOKEN_FILE",
            "GCS_CREDLY_AUTH_CLIENT_ID",
            "GCS_CREDLY_AUTH_CLIENT_SECRET",
            "GCS_CREDLY_AUTH_CLIENT_SECRET_FILE",
            "GCS_CREDLY_AUTH_TOKEN_URL",
            "GCS_CREDLY_AUTH_TOKEN_EXPIRES_AT",
            "GCS_CREDLY_TIMEOUT",
            "GCS_CREDLY_MAX_CONCURRENCY",
            "GCS_CREDLY_RECORDS",
            "GCS_JOBS_WORKERS",
            "GCS_JOBS_MAX_ATTEMPTS",
            "GCS_JOBS_INITIAL_BACKOFF",
            "GCS_JOBS_MAX_BACKOFF",
            "GCS_JOBS_HEARTBEAT",
            "GCS_JOBS_MISSED_HEARTBEATS",
            "GCS_JOBS_SETTLE");
  }
}
