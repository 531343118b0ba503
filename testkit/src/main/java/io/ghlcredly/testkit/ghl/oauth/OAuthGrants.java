package io.ghlcredly.testkit.ghl.oauth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's OAuth state: one-time authorization codes, access tokens that expire after 24 h of
 * the clock, and single-use refresh tokens. A refresh token used a second time is refused and
 * counted as a reuse. Thread-safe (every method synchronizes on this object).
 */
final class OAuthGrants {
  /** HighLevel's {@code expires_in}: a day, minus a second. */
  static final Duration ACCESS_LIFETIME = Duration.ofSeconds(86399);

  private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

  /** Who a token speaks for. */
  record Grant(
      String userType, String accountId, String companyId, Set<String> scopes, String userId) {
    Grant {
      scopes = Set.copyOf(scopes);
    }

    boolean company() {
      return "Company".equals(userType);
    }
  }

  record Code(Grant grant, String clientId, String redirectUri, Instant expiresAt) {}

  record Issued(String accessToken, @Nullable String refreshToken, Instant expiresAt) {}

  /** What a presented access token is. */
  sealed interface Access {
    record Valid(Grant grant) implements Access {}

    record Expired() implements Access {}

    record Revoked() implements Access {}

    record Unknown() implements Access {}
  }

  /** How a refresh went. */
  sealed interface Refresh {
    record Done(Grant grant, Issued issued) implements Refresh {}

    record Refused(String description) implements Refresh {}
  }

  private record AccessToken(Grant grant, Instant expiresAt, boolean revoked) {}

  private record RefreshToken(Grant grant, boolean used, boolean revoked) {}

  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Code> codes = new HashMap<>();
  private final Map<String, AccessToken> accessTokens = new HashMap<>();
  private final Map<String, RefreshToken> refreshTokens = new HashMap<>();
  private final Map<String, Integer> refreshes = new HashMap<>();

  /** Locations the app is installed on: a code exchanged for them, not revoked since. */
  private final Set<String> installs = new HashSet<>();

  private int reuseAttempts;
  private int locationTokensMinted;

  OAuthGrants(InstantSource clock) {
    this.clock = clock;
  }

  synchronized String newCode(Grant grant, String clientId, String redirectUri) {
    String code = randomToken("code");
    codes.put(code, new Code(grant, clientId, redirectUri, clock.instant().plus(CODE_LIFETIME)));
    return code;
  }

  /** Uses up a code: empty when unknown, used or expired. */
  synchronized Optional<Code> takeCode(String code) {
    Code found = codes.remove(code);
    if (found == null || !clock.instant().isBefore(found.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(found);
  }

  /** Records the app as installed on these locations (a code was exchanged for them). */
  synchronized void install(Collection<String> locationIds) {
    installs.addAll(locationIds);
  }

  synchronized boolean installed(String locationId) {
    return installs.contains(locationId);
  }

  synchronized Issued issue(Grant grant, boolean withRefreshToken) {
    String access = randomToken("at");
    Instant expiresAt = clock.instant().plus(ACCESS_LIFETIME);
    accessTokens.put(access, new AccessToken(grant, expiresAt, false));
    String refresh = null;
    if (withRefreshToken) {
      refresh = randomToken("rt");
      refreshTokens.put(refresh, new RefreshToken(grant, false, false));
    } else {
      locationTokensMinted++;
    }
    return new Issued(access, refresh, expiresAt);
  }

  synchronized Refresh refresh(String token, String userType) {
    RefreshToken found = refreshTokens.get(token);
    if (found == null) {
      return new Refresh.Refused("Invalid refresh token");
    }
    if (found.revoked()) {
      return new Refresh.Refused("Refresh token has been revoked");
    }
    if (found.used()) {
      reuseAttempts++;
      return new Refresh.Refused("Refresh token has already been used");
    }
    if (!found.grant().userType().equals(userType)) {
      return new Refresh.Refused("user_type does not match the token");
    }
    refreshTokens.put(token, new RefreshToken(found.grant(), true, false));
    refreshes.merge(found.grant().accountId(), 1, Integer::sum);
    return new Refresh.Done(found.grant(), issue(found.grant(), true));
  }

  synchronized Access check(String accessToken) {
    AccessToken found = accessTokens.get(accessToken);
    if (found == null) {
      return new Access.Unknown();
    }
    if (found.revoked()) {
      return new Access.Revoked();
    }
    if (!clock.instant().isBefore(found.expiresAt())) {
      return new Access.Expired();
    }
    return new Access.Valid(found.grant());
  }

  /** Lets every access token issued so far for the account expire now; refresh tokens stay. */
  synchronized void expireAccessTokens(String accountId) {
    Instant now = clock.instant();
    accessTokens.replaceAll(
        (token, access) ->
            access.grant().accountId().equals(accountId) && access.expiresAt().isAfter(now)
                ? new AccessToken(access.grant(), now, access.revoked())
                : access);
  }

  /**
   * Revokes every token issued so far for the account, as an uninstall would; uninstalling from the
   * company uninstalls from all of its locations.
   */
  synchronized void revoke(String accountId, boolean company) {
    if (company) {
      installs.clear();
    } else {
      installs.remove(accountId);
    }
    accessTokens.replaceAll(
        (token, access) ->
            access.grant().accountId().equals(accountId)
                ? new AccessToken(access.grant(), access.expiresAt(), true)
                : access);
    refreshTokens.replaceAll(
        (token, refresh) ->
            refresh.grant().accountId().equals(accountId)
                ? new RefreshToken(refresh.grant(), refresh.used(), true)
                : refresh);
  }

  synchronized int refreshes(String accountId) {
    return refreshes.getOrDefault(accountId, 0);
  }

  synchronized int totalRefreshes() {
    return refreshes.values().stream().mapToInt(Integer::intValue).sum();
  }

  synchronized int reuseAttempts() {
    return reuseAttempts;
  }

  synchronized int locationTokensMinted() {
    return locationTokensMinted;
  }

  private String randomToken(String prefix) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return prefix + "-" + HexFormat.of().formatHex(bytes);
  }
}
