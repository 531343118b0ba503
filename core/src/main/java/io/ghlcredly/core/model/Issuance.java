package io.ghlcredly.core.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The ledger's record that a (contact, template) pair was claimed for issuing. */
public record Issuance(
    ContactId contactId,
    BadgeTemplateId templateId,
    RuleId ruleId,
    State state,
    @Nullable String badgeId,
    Instant createdAt,
    Instant updatedAt) {

  /** Where the issuance stands. */
  public enum State {
    /** Claimed; the provider call may or may not have happened. */
    PENDING,
    /** The provider holds the badge. */
    ISSUED,
    /** The provider refused for good; see the dead letters. */
    FAILED
  }
}
