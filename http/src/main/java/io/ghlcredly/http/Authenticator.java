package io.ghlcredly.http;

/** Supplies the Authorization header value for a connector's calls. Thread-safe. */
@FunctionalInterface
public interface Authenticator {
  /** The full header value, for example {@code Bearer ...} or {@code Basic ...}. */
  String authorization();
}
