package io.ghlcredly.core.port;

import io.ghlcredly.core.model.AccountEvent;

/**
 * Reacts to app installs and uninstalls as HighLevel reports them by webhook. Called on the
 * webhook's thread before it is answered, so implementations must be quick. Thread-safe.
 */
public interface AccountEvents {
  /** Applies one event; must be idempotent, since HighLevel may deliver an event twice. */
  void accept(AccountEvent event);
}
