package io.ghlcredly.http.oauth;

import io.ghlcredly.core.error.AccountDisconnectedException;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token that is never refreshed, such as a HighLevel Private Integration Token. When the API
 * refuses it, there is nothing newer to get: the account is marked disconnected (in the store, if
 * it is kept there, and here) and every later call fails fast with {@link
 * AccountDisconnectedException} until the service is given a new token. Thread-safe.
 */
public final class StaticTokenProvider implements TokenProvider {
  private static final Logger log = LoggerFactory.getLogger(StaticTokenProvider.class);

  private final AccountKey key;
  private final Secret token;
  private final Set<String> scopes;
  private final @Nullable TokenStore store;
  private volatile @Nullable String disconnectedBecause;

  /**
   * @param scopes the scopes the token was created with, when known (else empty)
   * @param store where to record the disconnection; null when the account is not stored
   */
  public StaticTokenProvider(
      AccountKey key, Secret token, Set<String> scopes, @Nullable TokenStore store) {
    this.key = key;
    this.token = token;
    this.scopes = Set.copyOf(scopes);
    this.store = store;
  }

  @Override
  public Secret accessToken() {
    String reason = disconnectedBecause;
    if (reason != null) {
      throw new AccountDisconnectedException(key.toString(), reason);
    }
    return token;
  }

  @Override
  public void onUnauthorized(Secret rejected) {
    String reason = "the API refused the static token; create a new one and configure it";
    disconnectedBecause = reason;
    log.atWarn().addKeyValue("account", key).log("static token refused; account disconnected");
    TokenStore target = store;
    if (target != null) {
      target.markDisconnected(key, reason);
    }
    throw new AccountDisconnectedException(key.toString(), reason);
  }

  @Override
  public Set<String> grantedScopes() {
    return scopes;
  }
}
