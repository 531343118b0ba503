package io.ghlcredly.credly;

import io.ghlcredly.core.model.Secret;
import java.net.URI;
import java.time.Duration;

/**
 * How to reach one Credly organization.
 *
 * @param baseUrl API base including {@code /v1}, such as {@link #PRODUCTION} or {@link #SANDBOX}
 * @param organizationId the organization's UUID
 * @param authToken the organization's authorization token (HTTP Basic user name)
 * @param timeout per-request timeout, also used as the connect timeout
 */
public record CredlySettings(
    URI baseUrl, String organizationId, Secret authToken, Duration timeout) {
  public static final URI PRODUCTION = URI.create("https://api.credly.com/v1");
  public static final URI SANDBOX = URI.create("https://sandbox-api.credly.com/v1");

  public CredlySettings {
    if (organizationId == null || organizationId.isBlank()) {
      throw new IllegalArgumentException("Credly organizationId must not be blank");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("Credly timeout must be positive: " + timeout);
    }
  }
}
