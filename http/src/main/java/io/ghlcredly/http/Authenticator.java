package io.ghlcredly.http;

/** Supplies the Authorization header value for a connector's calls. Thread-safe. */
@FunctionalInterface
public interface Authenticator {
  /** The full header value, for example {@code Bearer ...} or {@code Basic ...}. */
  String authorization();

  /**
   * Called when the provider answered 401 to a request sent with {@code rejectedAuthorization}.
   * Returns true when newer credentials are now available, so the request is worth one replay.
   */
  default boolean renewAfterUnauthorized(String rejectedAuthorization) {
    return false;
  }
}
