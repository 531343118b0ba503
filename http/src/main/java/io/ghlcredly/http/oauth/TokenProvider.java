package io.ghlcredly.http.oauth;

import io.ghlcredly.core.error.AccountDisconnectedException;
import io.ghlcredly.core.model.Secret;
import java.util.Set;

/**
 * Hands out the access token for one account's API calls. Implementations are thread-safe.
 *
 * <p>A caller that gets a 401 calls {@link #onUnauthorized} with the token it sent, then replays
 * the request once with {@link #accessToken()}; {@link UnauthorizedReplay} does exactly that.
 */
public interface TokenProvider {
  /**
   * A token usable now.
   *
   * @throws AccountDisconnectedException when the account's tokens were revoked or refused
   * @throws io.ghlcredly.core.error.ApiException when a refresh failed for a transient reason
   */
  Secret accessToken();

  /**
   * The API refused {@code rejected}: get a newer token unless one was obtained meanwhile.
   *
   * @throws AccountDisconnectedException when no newer token can be had
   */
  void onUnauthorized(Secret rejected);

  /** The scopes the account's token was granted; empty when unknown. */
  Set<String> grantedScopes();
}
