package io.ghlcredly.ghl.api;

import java.util.List;

/**
 * Body of tag add and remove (schemas {@code CreateAddTagSuccessfulResponseDto}, {@code
 * CreateDeleteTagSuccessfulResponseDto}): the contact's tags afterwards.
 */
public record TagsResponse(List<String> tags) {
  public TagsResponse {
    tags = GhlContactSummary.withoutNulls(tags);
  }
}
