package io.ghlcredly.ghl.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /contacts/search}: {@code {contacts, total, traceId}} (no schema in spec).
 */
public record SearchContactsResponse(
    List<GhlContactSummary> contacts, @Nullable Long total, @Nullable String traceId) {
  public SearchContactsResponse {
    contacts = GhlContactSummary.withoutNulls(contacts);
  }
}
