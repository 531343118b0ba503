package io.ghlcredly.credly.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of issued badges: {@code {"data":[...],"metadata":{...}}}. */
public record IssuedBadgePage(List<IssuedBadgeDto> data, @Nullable PageMetadata metadata)
    implements PageOf<IssuedBadgeDto> {
  public IssuedBadgePage {
    // Jackson passes null for a missing array.
    data = data == null ? List.of() : List.copyOf(data);
  }
}
