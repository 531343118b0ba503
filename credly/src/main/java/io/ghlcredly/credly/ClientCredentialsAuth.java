package io.ghlcredly.credly;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.SecretStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer access tokens from OAuth client credentials. A token is fetched when none is held or the
 * held one expires within {@link #REFRESH_AHEAD}, under a lock so concurrent callers fetch once. A
 * new token is written to the secret store (encrypted) before it is used, so a restart or another
 * instance reuses it instead of asking again. Thread-safe.
 */
final class ClientCredentialsAuth implements CredlyAuth {
  private static final Logger log = LoggerFactory.getLogger(ClientCredentialsAuth.class);
  static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

  private final CredlyCredentials.ClientCredentials credentials;
  private final OAuthTokenEndpoint endpoint;
  private final @Nullable SecretStore secrets;
  private final InstantSource clock;
  private final String secretName;
  private @Nullable AccessToken current;

  ClientCredentialsAuth(
      CredlyCredentials.ClientCredentials credentials,
      OAuthTokenEndpoint endpoint,
      @Nullable SecretStore secrets,
      InstantSource clock) {
    this.credentials = credentials;
    this.endpoint = endpoint;
    this.secrets = secrets;
    this.clock = clock;
    this.secretName = "credly.oauth-access-token." + credentials.clientId();
  }

  @Override
  public synchronized String authorization() {
    AccessToken token = current;
    if (token == null) {
      token = stored().orElse(null);
    }
    if (token == null || expiresSoon(token)) {
      token = fetch();
    }
    current = token;
    return "Bearer " + token.value().reveal();
  }

  @Override
  public synchronized boolean refreshAfterUnauthorized() {
    current = fetch();
    return true;
  }

  private boolean expiresSoon(AccessToken token) {
    return !token.expiresAt().isAfter(clock.instant().plus(REFRESH_AHEAD));
  }

  private AccessToken fetch() {
    AccessToken token = endpoint.fetch(credentials);
    SecretStore store = secrets;
    if (store != null) {
      store.put(
          secretName, Secret.of(token.expiresAt().getEpochSecond() + " " + token.value().reveal()));
    }
    log.atInfo()
        .addKeyValue("expiresAt", token.expiresAt())
        .log("Credly OAuth access token obtained");
    return token;
  }

  private Optional<AccessToken> stored() {
    SecretStore store = secrets;
    if (store == null) {
      return Optional.empty();
    }
    return store.find(secretName).flatMap(ClientCredentialsAuth::decode);
  }

  private static Optional<AccessToken> decode(Secret stored) {
    String text = stored.reveal();
    int space = text.indexOf(' ');
    if (space <= 0 || space == text.length() - 1) {
      return Optional.empty();
    }
    try {
      Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(text.substring(0, space)));
      return Optional.of(new AccessToken(Secret.of(text.substring(space + 1)), expiresAt));
    } catch (NumberFormatException unreadable) {
      return Optional.empty();
    }
  }

  /** An access token and when it stops working. */
  record AccessToken(Secret value, Instant expiresAt) {}
}
