package io.ghlcredly.credly.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of a Credly list: {@code {"data":[...],"metadata":{...}}}. */
public interface PageOf<T> {
  List<T> data();

  @Nullable PageMetadata metadata();

  /** The absolute URL of the next page, or null on the last page. */
  default @Nullable String nextPageUrl() {
    PageMetadata metadata = metadata();
    return metadata == null ? null : metadata.nextPageUrl();
  }
}
