package io.ghlcredly.core.mapping;

/** When a rule fires. Closed set; more conditions join as the engine grows. */
public sealed interface Condition {
  /** Fires when the contact gains the tag (compared case-insensitively, as GHL does). */
  record TagAdded(String tag) implements Condition {
    public TagAdded {
      if (tag.isBlank()) {
        throw new IllegalArgumentException("tag must not be blank");
      }
    }
  }
}
