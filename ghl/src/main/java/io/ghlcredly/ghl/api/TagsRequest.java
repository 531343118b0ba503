package io.ghlcredly.ghl.api;

import java.util.List;

/** Body of tag add and remove (schema {@code TagsDTO}). */
public record TagsRequest(List<String> tags) {
  public TagsRequest {
    tags = List.copyOf(tags);
  }
}
