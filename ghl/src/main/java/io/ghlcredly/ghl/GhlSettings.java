package io.ghlcredly.ghl;

import io.ghlcredly.core.model.Secret;
import java.net.URI;
import java.time.Duration;

/**
 * How to reach HighLevel's API v2.
 *
 * @param baseUrl normally {@link #DEFAULT_BASE_URL}; an emulator's URL in tests and the demo
 * @param apiVersion value of the required {@code Version} header; contacts endpoints document
 *     {@link #DEFAULT_API_VERSION}
 * @param accessToken a location access token or Private Integration Token, sent as {@code Bearer}
 * @param timeout per-request timeout (also used as the connect timeout)
 */
public record GhlSettings(URI baseUrl, String apiVersion, Secret accessToken, Duration timeout) {
  public static final URI DEFAULT_BASE_URL = URI.create("https://services.leadconnectorhq.com");
  public static final String DEFAULT_API_VERSION = "2021-07-28";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  public GhlSettings {
    if (apiVersion.isBlank()) {
      throw new IllegalArgumentException("apiVersion must not be blank");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be absolute: " + baseUrl);
    }
  }

  /** Production base URL, API version 2021-07-28 and a 15 s timeout. */
  public static GhlSettings defaults(Secret accessToken) {
    return new GhlSettings(DEFAULT_BASE_URL, DEFAULT_API_VERSION, accessToken, DEFAULT_TIMEOUT);
  }

  /** A copy pointing at another base URL (an emulator, a proxy). */
  public GhlSettings withBaseUrl(URI otherBaseUrl) {
    return new GhlSettings(otherBaseUrl, apiVersion, accessToken, timeout);
  }
}
