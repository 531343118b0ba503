package io.ghlcredly.http.oauth;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.TokenStore.TokenSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tokens as a token endpoint issued them.
 *
 * @param refreshToken null when the grant has none (HighLevel's location tokens minted from a
 *     company token are re-minted instead of refreshed)
 * @param expiresAt when the access token stops working
 * @param scopes the scopes granted, which may differ from those asked for
 */
public record OAuthTokens(
    Secret accessToken, @Nullable Secret refreshToken, Instant expiresAt, Set<String> scopes) {
  public OAuthTokens {
    scopes = Set.copyOf(scopes);
  }

  /** Scopes from the space-separated {@code scope} field of a token response. */
  public static Set<String> parseScopes(@Nullable String scope) {
    if (scope == null || scope.isBlank()) {
      return Set.of();
    }
    return new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
  }

  public static OAuthTokens from(TokenSet stored) {
    return new OAuthTokens(
        stored.accessToken(), stored.refreshToken(), stored.expiresAt(), stored.scopes());
  }

  public TokenSet toTokenSet() {
    return new TokenSet(accessToken, refreshToken, expiresAt, scopes);
  }

  @Override
  public String toString() {
    return "OAuthTokens[accessToken=***, refreshToken="
        + (refreshToken == null ? "none" : "***")
        + ", expiresAt="
        + expiresAt
        + ", scopes="
        + scopes
        + "]";
  }
}
