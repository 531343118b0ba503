package io.ghlcredly.ghl.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of the bulk tag update (schema {@code UpdateTagsResponseDTO}). {@code responses} is typed as
 * strings in the spec; kept raw so per-contact objects would not fail the read.
 */
public record BulkTagsResponse(
    @Nullable Boolean succeded,
    @Nullable Boolean succeeded,
    @Nullable Long errorCount,
    List<JsonNode> responses) {
  public BulkTagsResponse {
    responses = GhlContactSummary.withoutNulls(responses);
  }

  public boolean ok() {
    return Boolean.TRUE.equals(succeded) || Boolean.TRUE.equals(succeeded);
  }
}
