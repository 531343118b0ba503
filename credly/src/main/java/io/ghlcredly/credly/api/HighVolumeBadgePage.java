package io.ghlcredly.credly.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of the high-volume badge search (metadata has only next_page_url). */
public record HighVolumeBadgePage(List<HighVolumeBadgeDto> data, @Nullable PageMetadata metadata)
    implements PageOf<HighVolumeBadgeDto> {
  public HighVolumeBadgePage {
    data = data == null ? List.of() : List.copyOf(data);
  }
}
