package io.ghlcredly.app.config;

import io.ghlcredly.core.model.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Credly connection (YAML {@code credly:}).
 *
 * @param environment which Credly environment the organization lives in
 * @param baseUrl API base URL override (tests, proxies); null means the environment's URL, see
 *     {@link #apiBaseUrl()}
 * @param organizationId the issuing organization (UUID, lower case)
 * @param token the organization's authorization token (sent as HTTP Basic user name)
 * @param timeout per-request timeout
 */
public record CredlyConfig(
    Environment environment,
    @Nullable URI baseUrl,
    String organizationId,
    Secret token,
    Duration timeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** A Credly environment. YAML: {@code sandbox} or {@code production}. */
  public enum Environment {
    SANDBOX("https://sandbox-api.credly.com/v1"),
    PRODUCTION("https://api.credly.com/v1");

    private final URI baseUrl;

    Environment(String baseUrl) {
      this.baseUrl = URI.create(baseUrl);
    }

    /** The API base URL of this environment, ending in {@code /v1}. */
    public URI baseUrl() {
      return baseUrl;
    }
  }

  public CredlyConfig {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(token, "token");
    if (baseUrl != null && !Uris.isAbsoluteHttp(baseUrl)) {
      throw new IllegalArgumentException("base-url must be an absolute http(s) URL");
    }
    if (!UUID.matcher(organizationId).matches()) {
      throw new IllegalArgumentException("organization-id must be a UUID");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  /** The base URL to call: the override when set, else the environment's. */
  public URI apiBaseUrl() {
    return baseUrl != null ? baseUrl : environment.baseUrl();
  }
}
