package io.ghlcredly.http.oauth;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Secret;
import java.util.function.Supplier;

/**
 * The one in-call retry the service makes: a call refused with 401 gets a newer token from the
 * {@link TokenProvider} and is replayed once. A second 401 is thrown to the caller.
 */
public final class UnauthorizedReplay {
  private UnauthorizedReplay() {}

  /**
   * Runs the call (which must take its token from {@code tokens}, for example through a {@link
   * TokenAuthenticator}); on a 401 asks for a newer token and runs it once more.
   */
  public static <T> T call(TokenProvider tokens, Supplier<T> call) {
    Secret sent = tokens.accessToken();
    try {
      return call.get();
    } catch (ApiException e) {
      if (e.kind() != ApiException.Kind.UNAUTHORIZED) {
        throw e;
      }
      // If a refresh happened between reading `sent` and the call, the provider sees that the
      // stored token differs and hands it out without refreshing again.
      tokens.onUnauthorized(sent);
      return call.get();
    }
  }
}
