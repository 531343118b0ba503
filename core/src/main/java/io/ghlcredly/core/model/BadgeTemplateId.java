package io.ghlcredly.core.model;

/** A Credly badge template id (UUID). */
public record BadgeTemplateId(String value) {
  public BadgeTemplateId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("BadgeTemplateId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
