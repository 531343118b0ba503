package io.ghlcredly.testkit.credly;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of an issued badge held by the emulator.
 *
 * @param state {@code pending}, {@code accepted}, {@code rejected} or {@code revoked}
 * @param evidenceJson the evidence array as received (JSON text, {@code []} when none)
 * @param replacesBadgeId the badge this one replaced, if issued by replace
 * @param replacementBadgeId the badge that replaced this one, once replaced
 */
public record Badge(
    String id,
    String templateId,
    String recipientEmail,
    String issuedToFirstName,
    String issuedToLastName,
    @Nullable String issuerEarnerId,
    Instant issuedAt,
    @Nullable Instant expiresAt,
    String state,
    @Nullable String revocationReason,
    String locale,
    boolean suppressBadgeNotificationEmail,
    String evidenceJson,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant stateUpdatedAt,
    @Nullable String replacesBadgeId,
    @Nullable String replacementBadgeId) {
  public static final String PENDING = "pending";
  public static final String ACCEPTED = "accepted";
  public static final String REJECTED = "rejected";
  public static final String REVOKED = "revoked";

  public boolean revoked() {
    return REVOKED.equals(state);
  }

  /** First and last name, as Credly's {@code issued_to}. */
  public String issuedTo() {
    return issuedToFirstName + " " + issuedToLastName;
  }

  Badge withState(String newState, @Nullable String reason, Instant at) {
    return new Badge(
        id,
        templateId,
        recipientEmail,
        issuedToFirstName,
        issuedToLastName,
        issuerEarnerId,
        issuedAt,
        expiresAt,
        newState,
        reason,
        locale,
        suppressBadgeNotificationEmail,
        evidenceJson,
        createdAt,
        at,
        at,
        replacesBadgeId,
        replacementBadgeId);
  }

  Badge replacedBy(String newBadgeId, Instant at) {
    return new Badge(
        id,
        templateId,
        recipientEmail,
        issuedToFirstName,
        issuedToLastName,
        issuerEarnerId,
        issuedAt,
        expiresAt,
        state,
        revocationReason,
        locale,
        suppressBadgeNotificationEmail,
        evidenceJson,
        createdAt,
        at,
        stateUpdatedAt,
        replacesBadgeId,
        newBadgeId);
  }
}
