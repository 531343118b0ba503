package io.ghlcredly.ghl.api;

import java.util.List;

/**
 * Body of {@code GET /locations/{locationId}/tags} (schema {@code
 * LocationTagsSuccessfulResponseDto}).
 */
public record LocationTagsResponse(List<GhlTag> tags) {
  public LocationTagsResponse {
    tags = GhlContactSummary.withoutNulls(tags);
  }
}
