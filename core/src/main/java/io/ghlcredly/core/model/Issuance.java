package io.ghlcredly.core.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's record that a (contact, template) pair was claimed for issuing.
 *
 * @param state where our issuing stands
 * @param badgeState where the badge stands at the provider, as its events last reported it; null
 *     until an event arrived
 */
public record Issuance(
    ContactId contactId,
    BadgeTemplateId templateId,
    RuleId ruleId,
    State state,
    @Nullable String badgeId,
    Instant createdAt,
    Instant updatedAt,
    @Nullable BadgeState badgeState) {

  /** An issuance no provider event has been seen for yet. */
  public Issuance(
      ContactId contactId,
      BadgeTemplateId templateId,
      RuleId ruleId,
      State state,
      @Nullable String badgeId,
      Instant createdAt,
      Instant updatedAt) {
    this(contactId, templateId, ruleId, state, badgeId, createdAt, updatedAt, null);
  }

  /** Where the issuance stands. */
  public enum State {
    /** Claimed; the provider call may or may not have happened. */
    PENDING,
    /** The provider holds the badge. */
    ISSUED,
    /** The provider refused for good; see the dead letters. */
    FAILED,
    /** A rule revoked the badge; claiming the pair again re-issues. */
    REVOKED,
    /** A rule replaced the badge with another template's; claiming the pair again re-issues. */
    REPLACED
  }
}
