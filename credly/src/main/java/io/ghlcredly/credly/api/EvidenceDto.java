package io.ghlcredly.credly.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * One evidence item of an issued badge. Credly shows evidence on the earner's public badge page, so
 * only send what the earner agreed to publish.
 *
 * @param type {@code UrlEvidence} (name, value = URL, description) or {@code IdEvidence} (title,
 *     description)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EvidenceDto(
    String type,
    @Nullable String name,
    @Nullable String value,
    @Nullable String title,
    @Nullable String description) {

  public static EvidenceDto url(String name, String url) {
    return new EvidenceDto("UrlEvidence", name, url, null, null);
  }

  public static EvidenceDto text(String title, String description) {
    return new EvidenceDto("IdEvidence", null, null, title, description);
  }
}
