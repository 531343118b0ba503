package io.ghlcredly.core.error;

/** A thing that must exist does not. */
public final class NotFoundException extends SyncException {
  public NotFoundException(String message) {
    super(message, null);
  }
}
