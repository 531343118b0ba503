package io.ghlcredly.app.config;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.credly.CredlyCredentials;
import io.ghlcredly.credly.CredlyEnvironment;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Credly connection (YAML {@code credly:}).
 *
 * @param environment which Credly environment the organization lives in; picks the API base URL and
 *     the OAuth token endpoint
 * @param baseUrl API base URL override (tests, proxies); null means the environment's URL, see
 *     {@link #apiBaseUrl()}
 * @param organizationId the issuing organization (UUID, lower case)
 * @param token the organization's authorization token (sent as HTTP Basic user name); set exactly
 *     when OAuth client credentials are not
 * @param clientId OAuth client id, set together with {@code clientSecret}
 * @param clientSecret OAuth client secret
 * @param tokenUrl OAuth token endpoint override; null means the environment's
 * @param tokenExpiresAt when the credential expires (organization tokens: 180 days after creation),
 *     for the expiry warning; null when unknown
 * @param timeout per-request timeout
 * @param maxConcurrency most Credly calls in flight; halves on 429 and grows back
 * @param records whether Credly Workforce employee records are kept
 */
public record CredlyConfig(
    Environment environment,
    @Nullable URI baseUrl,
    String organizationId,
    @Nullable Secret token,
    @Nullable String clientId,
    @Nullable Secret clientSecret,
    @Nullable URI tokenUrl,
    @Nullable Instant tokenExpiresAt,
    Duration timeout,
    int maxConcurrency,
    Records records) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_CONCURRENCY = 4;

  static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** A Credly environment. YAML: {@code sandbox} or {@code production}. */
  public enum Environment {
    SANDBOX(CredlyEnvironment.SANDBOX),
    PRODUCTION(CredlyEnvironment.PRODUCTION);

    private final CredlyEnvironment credly;

    Environment(CredlyEnvironment credly) {
      this.credly = credly;
    }

    /** The API base URL of this environment, ending in {@code /v1}. */
    public URI baseUrl() {
      return credly.apiBaseUrl();
    }

    /** The OAuth token endpoint of this environment. */
    public URI tokenUrl() {
      return credly.tokenUrl();
    }
  }

  /** Person records kept in Credly. YAML: {@code none} or {@code employees}. */
  public enum Records {
    NONE,
    /** Credly Workforce employees, keyed by external_id = GHL contact id. */
    EMPLOYEES
  }

  public CredlyConfig {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(records, "records");
    if (baseUrl != null && !Uris.isAbsoluteHttp(baseUrl)) {
      throw new IllegalArgumentException("base-url must be an absolute http(s) URL");
    }
    if (tokenUrl != null && !Uris.isAbsoluteHttp(tokenUrl)) {
      throw new IllegalArgumentException("auth.token-url must be an absolute http(s) URL");
    }
    if (!UUID.matcher(organizationId).matches()) {
      throw new IllegalArgumentException("organization-id must be a UUID");
    }
    boolean oauth = clientId != null || clientSecret != null;
    if (oauth == (token != null)) {
      throw new IllegalArgumentException(
          "auth needs either token or client-id and client-secret, not both");
    }
    if (oauth && (clientId == null || clientId.isBlank() || clientSecret == null)) {
      throw new IllegalArgumentException("OAuth needs both client-id and client-secret");
    }
    if (!oauth && tokenUrl != null) {
      throw new IllegalArgumentException("auth.token-url is only used with client-id");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("max-concurrency must be at least 1");
    }
  }

  /** An organization-token connection with the defaults. */
  public CredlyConfig(
      Environment environment,
      @Nullable URI baseUrl,
      String organizationId,
      Secret token,
      Duration timeout) {
    this(
        environment,
        baseUrl,
        organizationId,
        token,
        null,
        null,
        null,
        null,
        timeout,
        DEFAULT_MAX_CONCURRENCY,
        Records.NONE);
  }

  /**
   * The organization token.
   *
   * @throws IllegalStateException when the connection uses OAuth client credentials: use {@link
   *     #credentials()}
   */
  @Override
  public Secret token() {
    if (token == null) {
      throw new IllegalStateException(
          "credly.auth uses OAuth client credentials, not a token: use credentials()");
    }
    return token;
  }

  /** Whether OAuth client credentials are configured instead of a token. */
  public boolean usesOAuth() {
    return token == null;
  }

  /** The credentials for the Credly client, whichever mode is configured. */
  public CredlyCredentials credentials() {
    Secret secret = clientSecret;
    String id = clientId;
    if (secret != null && id != null) {
      return new CredlyCredentials.ClientCredentials(
          id,
          secret,
          Objects.requireNonNullElse(tokenUrl, environment.tokenUrl()),
          CredlyCredentials.ClientCredentials.SYNC_SCOPES,
          tokenExpiresAt);
    }
    return new CredlyCredentials.OrganizationToken(token(), tokenExpiresAt);
  }

  /** The base URL to call: the override when set, else the environment's. */
  public URI apiBaseUrl() {
    return baseUrl != null ? baseUrl : environment.baseUrl();
  }
}
