package io.ghlcredly.http.oauth;

import io.ghlcredly.core.port.TokenStore.StoredTokens;

/**
 * Obtains new tokens for an account from its provider: a {@code refresh_token} grant, or a re-mint
 * from a parent token. Called only while the account is locked. Thread-safe.
 */
@FunctionalInterface
public interface TokenRefresher {
  /**
   * New tokens for the account, or the provider's refusal.
   *
   * @throws io.ghlcredly.core.error.ApiException for failures that may pass (I/O, 5xx, 429) or that
   *     are not the account's fault (wrong client credentials)
   */
  Result refresh(StoredTokens current);

  /** What a refresh attempt gave. */
  sealed interface Result {
    /** New tokens; a rotated refresh token replaces the one just used. */
    record Refreshed(OAuthTokens tokens) implements Result {}

    /** The provider refused the grant ({@code invalid_grant}, revoked, location inactive…). */
    record Rejected(String reason) implements Result {}
  }
}
