package io.ghlcredly.core.model;

/** The id of a rule in the configuration. */
public record RuleId(String value) {
  public RuleId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("RuleId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
