package io.ghlcredly.core.port;

import java.time.Instant;

/**
 * The {@code state} values of OAuth install flows in progress, kept server-side so that a callback
 * can be matched to a start on any instance, and each state used once. Thread-safe.
 */
public interface OAuthStateStore {
  /** Remembers a new state until {@code expiresAt}. */
  void save(String state, Instant expiresAt);

  /**
   * Uses up a state: true when it was saved, has not expired at {@code now} and was not consumed
   * before. Expired states are forgotten on the way.
   */
  boolean consume(String state, Instant now);

  /** Forgets every state expired at {@code now}; returns how many. */
  int deleteExpired(Instant now);
}
