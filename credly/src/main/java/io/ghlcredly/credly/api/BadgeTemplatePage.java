package io.ghlcredly.credly.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of badge templates. */
public record BadgeTemplatePage(List<BadgeTemplateDto> data, @Nullable PageMetadata metadata)
    implements PageOf<BadgeTemplateDto> {
  public BadgeTemplatePage {
    data = data == null ? List.of() : List.copyOf(data);
  }
}
