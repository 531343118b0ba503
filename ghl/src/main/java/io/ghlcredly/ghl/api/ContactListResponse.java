package io.ghlcredly.ghl.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code GET /contacts/} and {@code GET /contacts/business/{businessId}} (schema {@code
 * ContactsSearchSuccessfulResponseDto}, plus the {@code meta} real answers carry).
 */
public record ContactListResponse(
    List<GhlContactSummary> contacts, @Nullable Long count, @Nullable GhlListMeta meta) {
  public ContactListResponse {
    contacts = GhlContactSummary.withoutNulls(contacts);
  }
}
