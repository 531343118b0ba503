package io.ghlcredly.credly;

import io.ghlcredly.credly.api.PageMetadata;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a Credly list, with Credly's paging metadata.
 *
 * @param metadata counts and the absolute next/previous page URLs; null when Credly sent none
 */
public record Page<T>(List<T> items, @Nullable PageMetadata metadata) {
  public Page {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return metadata != null && metadata.nextPageUrl() != null && !metadata.nextPageUrl().isBlank();
  }
}
