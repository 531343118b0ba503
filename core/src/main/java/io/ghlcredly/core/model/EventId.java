package io.ghlcredly.core.model;

/** The id of an incoming event, unique per source (GHL webhookId, Credly event id). */
public record EventId(String value) {
  public EventId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("EventId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
