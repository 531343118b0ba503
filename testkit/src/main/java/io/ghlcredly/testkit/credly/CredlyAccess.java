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
  static final String NO_TOKEN = "You must provide a valid authorization token";

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

  /** Whether the request's credentials are this organization's, and valid now. */
  synchronized Verdict check(EmulatorRequest request) {
    Optional<String> header = request.header("Authorization");
    if (header.isEmpty()) {
      return new Verdict.NotOurs(NO_TOKEN);
    }
    String value = header.get();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Instant expiry = accessTokens.get(value.substring(7).trim());
      if (expiry == null) {
        return new Verdict.NotOurs("Invalid access token");
      }
      return clock.instant().isBefore(expiry)
          ? new Verdict.Allowed()
          : new Verdict.Refused("The access token expired");
    }
    if (!value.regionMatches(true, 0, "Basic ", 0, 6) || !basicUserMatches(value.substring(6))) {
      return new Verdict.NotOurs(NO_TOKEN);
    }
    Instant expiry = organizationTokenExpiresAt;
    if (expiry != null && !clock.instant().isBefore(expiry)) {
      return new Verdict.Refused("The authorization token expired");
    }
    return new Verdict.Allowed();
  }

  /**
   * What {@link #check} found. {@code NotOurs} lets another organization of the emulator claim the
   * credentials; its message is the answer when none does.
   */
  sealed interface Verdict {
    record Allowed() implements Verdict {}

    record Refused(String message) implements Verdict {}

    record NotOurs(String message) implements Verdict {}
  }

  /** Whether the OAuth client is registered with this organization. */
  synchronized boolean knowsClient(String clientId) {
    return clients.containsKey(clientId);
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
