package io.ghlcredly.ghl.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /contacts/bulk/tags/update/{type}} (schema {@code UpdateTagsDTO}). */
public record BulkTagsRequest(
    List<String> contacts, List<String> tags, String locationId, @Nullable Boolean removeAllTags) {
  public BulkTagsRequest {
    contacts = List.copyOf(contacts);
    tags = List.copyOf(tags);
  }
}
