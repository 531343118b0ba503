package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /contacts/{contactId}} (schema {@code UpdateContactsSuccessfulResponseDto});
 * {@code succeded} (v2) and {@code succeeded} (v3) are both read.
 */
public record UpdateContactResponse(
    @Nullable Boolean succeded, @Nullable Boolean succeeded, @Nullable GhlContact contact) {
  public boolean ok() {
    return Boolean.TRUE.equals(succeded) || Boolean.TRUE.equals(succeeded);
  }
}
