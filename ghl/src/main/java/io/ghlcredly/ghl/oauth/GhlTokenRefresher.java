package io.ghlcredly.ghl.oauth;

import io.ghlcredly.core.error.AccountDisconnectedException;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.AccountType;
import io.ghlcredly.core.port.TokenStore.StoredTokens;
import io.ghlcredly.http.oauth.TokenProvider;
import io.ghlcredly.http.oauth.TokenRefresher;
import io.ghlcredly.http.oauth.UnauthorizedReplay;
import java.util.function.Function;

/**
 * New tokens for a HighLevel account: a {@code refresh_token} grant with the account's {@code
 * user_type}, or, for a location token minted from a company token (it has no refresh token), a new
 * {@code /oauth/locationToken} exchange with the company's current token. Lock order is always
 * location, then company, so the nested company refresh cannot deadlock. Thread-safe.
 */
public final class GhlTokenRefresher implements TokenRefresher {
  private final GhlOAuthClient client;
  private final Function<AccountKey, TokenProvider> providers;

  /**
   * @param providers the token provider of an account (used for the company of minted location
   *     tokens)
   */
  public GhlTokenRefresher(GhlOAuthClient client, Function<AccountKey, TokenProvider> providers) {
    this.client = client;
    this.providers = providers;
  }

  @Override
  public Result refresh(StoredTokens current) {
    Secret refreshToken = current.tokens().refreshToken();
    try {
      if (refreshToken != null) {
        return new Result.Refreshed(client.refresh(refreshToken, current.key().type()).tokens());
      }
      return remint(current);
    } catch (ApiException e) {
      if (GhlOAuthClient.isGrantRejected(e)) {
        return new Result.Rejected(e.providerMessage().orElse("HTTP " + e.status()));
      }
      throw e;
    }
  }

  private Result remint(StoredTokens current) {
    String companyId = current.companyId();
    if (current.key().type() != AccountType.LOCATION || companyId == null) {
      return new Result.Rejected("no refresh token stored and no company to mint one from");
    }
    TokenProvider company = providers.apply(AccountKey.company(companyId));
    try {
      return new Result.Refreshed(
          UnauthorizedReplay.call(
                  company,
                  () -> client.locationToken(company.accessToken(), companyId, current.key().id()))
              .tokens());
    } catch (AccountDisconnectedException e) {
      return new Result.Rejected("company " + companyId + " is disconnected: " + e.reason());
    }
  }
}
