package io.ghlcredly.core.error;

/** A rule could not be applied to a contact. */
public final class MappingException extends SyncException {
  private final String ruleId;

  public MappingException(String ruleId, String message) {
    super("rule " + ruleId + ": " + message, null);
    this.ruleId = ruleId;
  }

  public String ruleId() {
    return ruleId;
  }
}
