package io.ghlcredly.http.oauth;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.http.Authenticator;

/** The {@code Authorization: Bearer …} header from a {@link TokenProvider}. Thread-safe. */
public final class TokenAuthenticator implements Authenticator {
  private static final String BEARER = "Bearer ";

  private final TokenProvider tokens;

  public TokenAuthenticator(TokenProvider tokens) {
    this.tokens = tokens;
  }

  @Override
  public String authorization() {
    return BEARER + tokens.accessToken().reveal();
  }

  /** Lets the provider refresh (or re-read) the token; it throws when the account is gone. */
  @Override
  public boolean renewAfterUnauthorized(String rejectedAuthorization) {
    String token =
        rejectedAuthorization.startsWith(BEARER)
            ? rejectedAuthorization.substring(BEARER.length())
            : rejectedAuthorization;
    tokens.onUnauthorized(Secret.of(token));
    return true;
  }
}
