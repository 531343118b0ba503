package io.ghlcredly.core.model;

/** A HighLevel contact id. Also sent to Credly as issuer_earner_id. */
public record ContactId(String value) {
  public ContactId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("ContactId must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
