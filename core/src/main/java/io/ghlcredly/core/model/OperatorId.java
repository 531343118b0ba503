package io.ghlcredly.core.model;

/** A named operator's id, assigned by the store. */
public record OperatorId(long value) {
  public OperatorId {
    if (value <= 0) {
      throw new IllegalArgumentException("OperatorId must be positive, got " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
