package io.ghlcredly.credly;

import io.ghlcredly.core.model.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Credly organization.
 *
 * @param baseUrl API base including {@code /v1}, such as {@link #PRODUCTION} or {@link #SANDBOX}
 * @param organizationId the organization's UUID
 * @param credentials an organization token or OAuth client credentials
 * @param timeout per-request timeout, also used as the connect timeout
 * @param maxConcurrency the most calls in flight at once; the adaptive limit starts there, halves
 *     on 429 and grows back by one per full window of successes
 */
public record CredlySettings(
    URI baseUrl,
    String organizationId,
    CredlyCredentials credentials,
    Duration timeout,
    int maxConcurrency) {
  public static final URI PRODUCTION = CredlyEnvironment.PRODUCTION.apiBaseUrl();
  public static final URI SANDBOX = CredlyEnvironment.SANDBOX.apiBaseUrl();

  /** Credly publishes no rate limit: start modest; the configuration can raise it. */
  public static final int DEFAULT_MAX_CONCURRENCY = 4;

  /**
   * Slots for fetching the events that webhooks name, apart from {@code maxConcurrency} (and never
   * more than it): anyone can post a webhook, so these fetches get a small lane of their own and
   * never queue; when it is full the sender is told to come back later.
   */
  public static final int HINT_LANE_SLOTS = 2;

  public CredlySettings {
    Objects.requireNonNull(credentials, "credentials");
    if (organizationId == null || organizationId.isBlank()) {
      throw new IllegalArgumentException("Credly organizationId must not be blank");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("Credly timeout must be positive: " + timeout);
    }
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("Credly maxConcurrency must be at least 1");
    }
  }

  /**
   * Slots of the lane for webhook hints: {@link #HINT_LANE_SLOTS}, at most {@code maxConcurrency}.
   */
  public int hintLaneSlots() {
    return Math.min(HINT_LANE_SLOTS, maxConcurrency);
  }

  /** Organization-token settings with the default concurrency. */
  public CredlySettings(URI baseUrl, String organizationId, Secret authToken, Duration timeout) {
    this(
        baseUrl,
        organizationId,
        new CredlyCredentials.OrganizationToken(authToken),
        timeout,
        DEFAULT_MAX_CONCURRENCY);
  }
}
