package io.ghlcredly.core.model;

/** A HighLevel location (sub-account) id. */
public record LocationId(String value) {
  public LocationId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("LocationId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
