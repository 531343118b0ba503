package io.ghlcredly.credly.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of organization events. */
public record EventPage(List<EventDto> data, @Nullable PageMetadata metadata)
    implements PageOf<EventDto> {
  public EventPage {
    data = data == null ? List.of() : List.copyOf(data);
  }
}
