package io.ghlcredly.credly.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of organizations the token can act for. */
public record OrganizationPage(List<OrganizationDto> data, @Nullable PageMetadata metadata)
    implements PageOf<OrganizationDto> {
  public OrganizationPage {
    data = data == null ? List.of() : List.copyOf(data);
  }
}
