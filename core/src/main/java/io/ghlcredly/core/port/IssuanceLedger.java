package io.ghlcredly.core.port;

import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.core.model.RuleId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One row per (contact, badge template), enforced by a unique key: the guard that no badge is ever
 * issued twice, across retries, duplicate events and restarts. Thread-safe.
 */
public interface IssuanceLedger {
  /**
   * Claims the pair for issuing. Returns the existing row when the pair was claimed before (its
   * state tells whether the badge is issued or the earlier attempt's outcome is unknown), or the
   * new PENDING row.
   */
  Claim claim(ContactId contactId, BadgeTemplateId templateId, RuleId ruleId, Instant now);

  void markIssued(ContactId contactId, BadgeTemplateId templateId, String badgeId, Instant now);

  /**
   * The pair's badge was revoked by a rule. A later claim of the pair succeeds again (the contact
   * holds no valid badge of the template any more), so that re-qualifying re-issues.
   */
  void markRevoked(ContactId contactId, BadgeTemplateId templateId, Instant now);

  /**
   * The pair's badge was replaced by a badge of another template: the old pair becomes REPLACED
   * (claimable again, like REVOKED) and the new pair ISSUED with the new badge id.
   */
  void markReplaced(
      ContactId contactId,
      BadgeTemplateId oldTemplate,
      BadgeTemplateId newTemplate,
      String newBadgeId,
      io.ghlcredly.core.model.RuleId ruleId,
      Instant now);

  void markFailed(ContactId contactId, BadgeTemplateId templateId, Instant now);

  /**
   * Records what the provider reports about the pair's badge (from its events), keeping the badge
   * state. A PENDING or FAILED row learns the badge id and becomes ISSUED (the provider holds the
   * badge after all) unless the report says the badge is revoked or deleted; an ISSUED, REVOKED or
   * REPLACED row keeps its state, so Credly's echo of our own revocation never makes the pair look
   * held again. Reports about another badge than the row's, and reports older than the one
   * recorded, are ignored, so events applied out of order never move the state backwards.
   *
   * @param reportedAt when the provider says the change happened
   * @return false when the pair has no row (a badge the sync never claimed), the report is about
   *     another badge, or it is stale
   */
  boolean recordBadgeState(
      ContactId contactId,
      BadgeTemplateId templateId,
      String badgeId,
      BadgeState state,
      Instant reportedAt,
      Instant now);

  /**
   * Makes the contact's FAILED pairs claimable again, for a replay of its dead letters.
   *
   * @return how many pairs were released
   */
  int releaseFailed(ContactId contactId, Instant now);

  Optional<Issuance> find(ContactId contactId, BadgeTemplateId templateId);

  List<Issuance> listByContact(ContactId contactId);

  long countIssued();

  /** The result of a claim. */
  record Claim(Issuance issuance, boolean newlyClaimed) {}
}
