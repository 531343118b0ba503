package io.ghlcredly.storage;

import io.ghlcredly.core.error.SyncException;

/**
 * A secret could not be encrypted or decrypted: the key is wrong, or the stored ciphertext was
 * changed or moved to another name. Not retryable: trying again gives the same result.
 */
public final class CipherException extends SyncException {
  public CipherException(String message, Throwable cause) {
    super(message, cause);
  }
}
