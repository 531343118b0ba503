package io.ghlcredly.ghl.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /contacts/bulk/business} (schema {@code ContactsBulkUpateResponse}, sic). */
public record BusinessContactsResponse(@Nullable Boolean success, List<String> ids) {
  public BusinessContactsResponse {
    ids = GhlContactSummary.withoutNulls(ids);
  }
}
