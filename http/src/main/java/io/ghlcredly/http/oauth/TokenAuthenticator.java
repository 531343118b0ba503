package io.ghlcredly.http.oauth;

import io.ghlcredly.http.Authenticator;

/** The {@code Authorization: Bearer …} header from a {@link TokenProvider}. Thread-safe. */
public final class TokenAuthenticator implements Authenticator {
  private final TokenProvider tokens;

  public TokenAuthenticator(TokenProvider tokens) {
    this.tokens = tokens;
  }

  @Override
  public String authorization() {
    return "Bearer " + tokens.accessToken().reveal();
  }
}
