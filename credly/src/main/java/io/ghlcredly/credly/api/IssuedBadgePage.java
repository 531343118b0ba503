package io.ghlcredly.credly.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of issued badges: {@code {"data":[...],"metadata":{...}}}. */
public record IssuedBadgePage(List<IssuedBadgeDto> data, @Nullable PageMetadata metadata) {
  public IssuedBadgePage {
    // Jackson passes null for a missing array.
    data = data == null ? List.of() : List.copyOf(data);
  }

  /** The absolute URL of the next page, or null on the last page. */
  public @Nullable String nextPageUrl() {
    return metadata == null ? null : metadata.nextPageUrl();
  }
}
