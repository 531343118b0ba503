package io.ghlcredly.credly;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.SecretStore;
import io.ghlcredly.http.Authenticator;
import io.ghlcredly.http.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** The Authorization header for Credly calls, and what to do once after a 401. Thread-safe. */
interface CredlyAuth extends Authenticator {
  /** Name under which the organization token is kept, encrypted, in the secret store. */
  String TOKEN_SECRET = "credly.organization-token";

  /**
   * Called after Credly answered 401: obtains fresh credentials when that can help (a new OAuth
   * access token, a token rotated in the secret store).
   *
   * @return true when the call is worth replaying once
   */
  boolean refreshAfterUnauthorized();

  static CredlyAuth create(
      CredlyCredentials credentials,
      @Nullable SecretStore secrets,
      InstantSource clock,
      Duration timeout) {
    return switch (credentials) {
      case CredlyCredentials.OrganizationToken token ->
          new OrganizationTokenAuth(token.token(), secrets);
      case CredlyCredentials.ClientCredentials client ->
          new ClientCredentialsAuth(
              client,
              new OAuthTokenEndpoint(HttpTransport.defaultClient(timeout), timeout, clock),
              secrets,
              clock);
    };
  }

  /** The Authorization value Credly expects: the token as Basic user name, empty password. */
  static String basic(Secret token) {
    byte[] credentials = (token.reveal() + ":").getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(credentials);
  }
}
