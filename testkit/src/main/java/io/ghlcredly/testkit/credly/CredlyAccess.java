package io.ghlcredly.testkit.credly;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.server.EmulatorRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who may call the emulated API: the organization token (HTTP Basic user name, until its expiry)
 * and Bearer access tokens issued by the OAuth token endpoint to registered clients (until they
 * expire). Thread-safe: every method holds the instance lock.
 */
final class CredlyAccess {
  private final InstantSource clock;
  private Secret organizationToken;
  private @Nullable Instant organizationTokenExpiresAt;
  private final Map<String, Secret> clients = new LinkedHashMap<>();
  private final Map<String, Instant> accessTokens = new LinkedHashMap<>();
  private Duration accessTokenLifetime = Duration.ofHours(2);
  private int tokensIssued;

  CredlyAccess(InstantSource clock, Secret organizationToken) {
    this.clock = clock;
    this.organizationToken = organizationToken;
  }

  synchronized Secret organizationToken() {
    return organizationToken;
  }

  synchronized void rotateOrganizationToken(Secret token, @Nullable Instant expiresAt) {
    this.organizationToken = token;
    this.organizationTokenExpiresAt = expiresAt;
  }

  synchronized void expireOrganizationTokenAt(@Nullable Instant expiresAt) {
    this.organizationTokenExpiresAt = expiresAt;
  }

  synchronized void registerClient(String clientId, Secret secret) {
    clients.put(clientId, secret);
  }

  synchronized void accessTokenLifetime(Duration lifetime) {
    this.accessTokenLifetime = lifetime;
  }

  synchronized int tokensIssued() {
    return tokensIssued;
  }

  /** Ends every access token now, as if their lifetime had passed. */
  synchronized void expireAccessTokens() {
    accessTokens.replaceAll((token, expiry) -> clock.instant().minusSeconds(1));
  }

  /** Why the request may not call the API, or empty when it may. */
  synchronized Optional<String> refusal(EmulatorRequest request) {
    Optional<String> header = request.header("Authorization");
    if (header.isEmpty()) {
      return Optional.of("You must provide a valid authorization token");
    }
    String value = header.get();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Instant expiry = accessTokens.get(value.substring(7).trim());
      if (expiry == null) {
        return Optional.of("Invalid access token");
      }
      return clock.instant().isBefore(expiry)
          ? Optional.empty()
          : Optional.of("The access token expired");
    }
    if (!value.regionMatches(true, 0, "Basic ", 0, 6) || !basicUserMatches(value.substring(6))) {
      return Optional.of("You must provide a valid authorization token");
    }
    Instant expiry = organizationTokenExpiresAt;
    if (expiry != null && !clock.instant().isBefore(expiry)) {
      return Optional.of("The authorization token expired");
    }
    return Optional.empty();
  }

  /** The password is ignored, as Credly accepts the common client variants (credly.md §2a). */
  private boolean basicUserMatches(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    int colon = decoded.indexOf(':');
    String user = colon < 0 ? decoded : decoded.substring(0, colon);
    return equal(user, organizationToken.reveal());
  }

  /** The token endpoint's answer: a grant, or an OAuth error. */
  sealed interface Grant {
    record Issued(String accessToken, long expiresIn, String scope) implements Grant {}

    record Refused(int status, String error, String description) implements Grant {}
  }

  /** {@code POST /oauth/token} with the form fields of a client-credentials request. */
  synchronized Grant grant(Map<String, String> form) {
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return new Grant.Refused(
          400, "unsupported_grant_type", "The authorization grant type is not supported");
    }
    String clientId = form.getOrDefault("client_id", "");
    Secret expected = clients.get(clientId);
    String secret = form.getOrDefault("client_secret", "");
    if (expected == null || !equal(secret, expected.reveal())) {
      return new Grant.Refused(401, "invalid_client", "Client authentication failed");
    }
    String token = "emulated-access-" + UUID.randomUUID();
    accessTokens.put(token, clock.instant().plus(accessTokenLifetime));
    tokensIssued++;
    return new Grant.Issued(
        token, accessTokenLifetime.toSeconds(), form.getOrDefault("scope", "issued_badges"));
  }

  private static boolean equal(String left, String right) {
    return MessageDigest.isEqual(
        left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
  }
}
