package io.ghlcredly.ghl.api;

import java.util.List;

/**
 * Body of {@code POST /contacts/bulk/business} (schema {@code ContactsBusinessUpdate}): puts the
 * contacts {@code ids} into business {@code businessId}.
 */
public record BusinessContactsRequest(String locationId, List<String> ids, String businessId) {
  public BusinessContactsRequest {
    ids = List.copyOf(ids);
  }
}
