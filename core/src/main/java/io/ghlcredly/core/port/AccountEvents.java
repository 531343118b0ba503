package io.ghlcredly.core.port;

import io.ghlcredly.core.model.AccountEvent;

/**
 * Reacts to app installs and uninstalls as HighLevel reports them by webhook. Called on the
 * webhook's thread before it is answered, so implementations must be quick. Thread-safe.
 */
public interface AccountEvents {
  /**
   * Applies one event; must be idempotent, since HighLevel may deliver an event twice and a signed
   * delivery can be replayed while it is fresh.
   */
  Outcome accept(AccountEvent event);

  /** What became of an event. */
  enum Outcome {
    /** Applied (or only logged, where there is nothing to change). */
    APPLIED,
    /** An event with its id was handled before: nothing changed. */
    DUPLICATE,
    /** Older than a later event of the opposite kind for the same account: ignored. */
    STALE
  }
}
