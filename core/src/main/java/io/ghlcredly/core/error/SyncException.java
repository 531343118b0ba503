package io.ghlcredly.core.error;

import org.jspecify.annotations.Nullable;

/** Root of every exception this service throws on purpose. Messages carry ids, never secrets. */
public abstract class SyncException extends RuntimeException {
  protected SyncException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
