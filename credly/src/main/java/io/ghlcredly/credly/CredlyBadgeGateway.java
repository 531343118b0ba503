package io.ghlcredly.credly;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.IssueBadgeCommand;
import io.ghlcredly.core.model.IssuedBadge;
import io.ghlcredly.core.port.BadgeGateway;
import io.ghlcredly.credly.api.EvidenceDto;
import io.ghlcredly.credly.api.IssueBadgeRequest;
import io.ghlcredly.credly.api.IssuedBadgeDto;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BadgeGateway} on Credly. The GHL contact id is sent as {@code issuer_earner_id}, so Credly
 * itself refuses a second badge of a template for the contact (HTTP 422). A 422 is therefore
 * resolved by looking the badge up: found means "already issued", which is success for the sync;
 * not found means a real validation error (for example an archived template), rethrown as the
 * PERMANENT {@link ApiException} carrying Credly's message. Revoked badges do not count as held.
 *
 * <p>Timeouts and 5xx are rethrown as TRANSIENT: the badge may have been created, and the retry's
 * 422 (or the engine's {@link #findIssued} pre-check) will find it. Thread-safe.
 */
public final class CredlyBadgeGateway implements BadgeGateway {
  private static final Logger log = LoggerFactory.getLogger(CredlyBadgeGateway.class);
  private static final int UNPROCESSABLE = 422;

  private final CredlyClient client;
  private final ZoneId issuedAtZone;

  /** Sends issued_at in UTC. */
  public CredlyBadgeGateway(CredlyClient client) {
    this(client, ZoneOffset.UTC);
  }

  /**
   * @param issuedAtZone the offset issued_at is written in; Credly derives the badge's displayed
   *     issue date from it
   */
  public CredlyBadgeGateway(CredlyClient client, ZoneId issuedAtZone) {
    this.client = client;
    this.issuedAtZone = issuedAtZone;
  }

  @Override
  public IssueResult issue(IssueBadgeCommand command) {
    IssueBadgeRequest request = toRequest(command);
    try {
      IssuedBadgeDto created = client.issueBadge(request);
      log.atInfo()
          .addKeyValue("contactId", command.contactId())
          .addKeyValue("templateId", command.templateId())
          .addKeyValue("badgeId", created.id())
          .log("Credly badge issued");
      return new IssueResult.Issued(
          toIssuedBadge(created, command.contactId(), command.templateId()));
    } catch (ApiException e) {
      if (e.status() != UNPROCESSABLE) {
        throw e;
      }
      return alreadyIssued(command, e);
    }
  }

  private IssueResult alreadyIssued(IssueBadgeCommand command, ApiException refusal) {
    Optional<IssuedBadge> held;
    try {
      held = findIssued(command.contactId(), command.templateId());
    } catch (RuntimeException lookupFailure) {
      lookupFailure.addSuppressed(refusal);
      throw lookupFailure;
    }
    if (held.isEmpty()) {
      log.atWarn()
          .addKeyValue("contactId", command.contactId())
          .addKeyValue("templateId", command.templateId())
          .addKeyValue("reason", refusal.providerMessage().orElse("none"))
          .log("Credly refused the badge");
      throw refusal;
    }
    log.atInfo()
        .addKeyValue("contactId", command.contactId())
        .addKeyValue("templateId", command.templateId())
        .addKeyValue("badgeId", held.get().badgeId())
        .log("Credly badge already issued");
    return new IssueResult.AlreadyIssued(held.get());
  }

  @Override
  public Optional<IssuedBadge> findIssued(ContactId contactId, BadgeTemplateId templateId) {
    List<IssuedBadgeDto> badges = client.findBadges(contactId.value(), templateId.value());
    return badges.stream()
        .filter(badge -> !badge.revoked())
        // The filter is Credly's; check the match ourselves rather than trust its semantics.
        .filter(badge -> contactId.value().equals(badge.issuerEarnerId()))
        .filter(badge -> templateId.value().equals(badge.badgeTemplateId()))
        .findFirst()
        .map(badge -> toIssuedBadge(badge, contactId, templateId));
  }

  private IssueBadgeRequest toRequest(IssueBadgeCommand command) {
    IssueBadgeRequest request =
        IssueBadgeRequest.of(
            command.recipientEmail(),
            command.firstName(),
            command.lastName(),
            command.templateId().value(),
            command.issuedAt().atZone(issuedAtZone).toOffsetDateTime(),
            command.contactId().value());
    EvidenceDto evidence = evidence(command.evidence());
    return evidence == null ? request : request.withEvidence(List.of(evidence));
  }

  /** A rule's evidence text: a link becomes URL evidence, anything else text evidence. */
  static @Nullable EvidenceDto evidence(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      return EvidenceDto.url("Evidence", trimmed);
    }
    return EvidenceDto.text("Evidence", trimmed);
  }

  private static IssuedBadge toIssuedBadge(
      IssuedBadgeDto badge, ContactId contactId, BadgeTemplateId templateId) {
    return new IssuedBadge(badge.id(), templateId, contactId, badge.state());
  }
}
