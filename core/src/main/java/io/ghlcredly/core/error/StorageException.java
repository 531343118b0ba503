package io.ghlcredly.core.error;

/** The database failed; wraps the driver's exception. */
public final class StorageException extends SyncException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
