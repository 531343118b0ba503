package io.ghlcredly.app.config;

import java.time.Duration;
import java.util.List;

/**
 * How GHL webhooks are verified (YAML {@code ghl.webhooks:}).
 *
 * @param maxAge a webhook whose timestamp is older than this is refused as a replay
 * @param ed25519PublicKeys SPKI PEM keys for {@code x-ghl-signature}; empty means GHL's published
 *     key. List several to rotate.
 * @param rsaPublicKeys SPKI PEM keys for the legacy {@code x-wh-signature}; empty means GHL's
 *     published key
 * @param acceptLegacyRsa whether a webhook signed only with the legacy RSA header is accepted (GHL
 *     is retiring that header in 2026)
 */
public record WebhookConfig(
    Duration maxAge,
    List<String> ed25519PublicKeys,
    List<String> rsaPublicKeys,
    boolean acceptLegacyRsa) {
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

  public WebhookConfig {
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("max-age must be positive");
    }
    ed25519PublicKeys = List.copyOf(ed25519PublicKeys);
    rsaPublicKeys = List.copyOf(rsaPublicKeys);
  }

  /** Five minutes, GHL's published keys, legacy RSA accepted. */
  public static WebhookConfig defaults() {
    return new WebhookConfig(DEFAULT_MAX_AGE, List.of(), List.of(), true);
  }
}
