package io.ghlcredly.core.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One action of a rule for one occurrence of its trigger, as the journal keeps it.
 *
 * @param key unique per (contact, rule, action, occurrence); see the sync engine's ActionKeys
 * @param action what was asked, such as {@code ghl-add-note}
 * @param reason why: the trigger, such as {@code tag 'vip' added}
 * @param outcome what came of it ({@code done}, {@code unchanged}, {@code already-held}…), or the
 *     cause when it failed; null while pending
 * @param upstreamId the id GHL or Credly gave the result (note, task, badge id), when any
 */
public record JournalEntry(
    String key,
    ContactId contactId,
    RuleId ruleId,
    String action,
    String reason,
    State state,
    @Nullable String outcome,
    @Nullable String upstreamId,
    Instant createdAt,
    Instant updatedAt) {

  /** Where the action stands. */
  public enum State {
    /** Claimed; the upstream call may or may not have happened. */
    PENDING,
    DONE,
    FAILED
  }

  /** A new PENDING entry. */
  public static JournalEntry pending(
      String key, ContactId contactId, RuleId ruleId, String action, String reason, Instant now) {
    return new JournalEntry(
        key, contactId, ruleId, action, reason, State.PENDING, null, null, now, now);
  }
}
