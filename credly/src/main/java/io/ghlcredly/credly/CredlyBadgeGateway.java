package io.ghlcredly.credly;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.IssueBadgeCommand;
import io.ghlcredly.core.model.IssuedBadge;
import io.ghlcredly.core.port.BadgeGateway;
import io.ghlcredly.credly.api.BadgeTemplateDto;
import io.ghlcredly.credly.api.EvidenceDto;
import io.ghlcredly.credly.api.IssueBadgeRequest;
import io.ghlcredly.credly.api.IssuedBadgeDto;
import java.time.InstantSource;
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
 * 422 (or the engine's {@link #findIssued} pre-check) will find it. Revoke and replace are made
 * safe to retry the same way (see {@link CredlyBadgeChanges}). Thread-safe.
 */
public final class CredlyBadgeGateway implements BadgeGateway {
  private static final Logger log = LoggerFactory.getLogger(CredlyBadgeGateway.class);
  private static final int UNPROCESSABLE = 422;

  private static final int NOT_FOUND = 404;

  private final CredlyClient client;
  private final ZoneId issuedAtZone;
  private final CredlyBadgeChanges changes;

  /** Sends issued_at in UTC; a replacement is issued at the system clock's now. */
  public CredlyBadgeGateway(CredlyClient client) {
    this(client, ZoneOffset.UTC);
  }

  /** A replacement is issued at the system clock's now. */
  public CredlyBadgeGateway(CredlyClient client, ZoneId issuedAtZone) {
    this(client, issuedAtZone, InstantSource.system());
  }

  /**
   * @param issuedAtZone the offset issued_at is written in; Credly derives the badge's displayed
   *     issue date from it
   * @param clock the issue time of a replacement badge
   */
  public CredlyBadgeGateway(CredlyClient client, ZoneId issuedAtZone, InstantSource clock) {
    this.client = client;
    this.issuedAtZone = issuedAtZone;
    this.changes = new CredlyBadgeChanges(client, clock, issuedAtZone);
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

  /** {@inheritDoc} Credly's 422 for a badge already revoked is resolved by reading the badge. */
  @Override
  public IssuedBadge revoke(String badgeId, String reason) {
    return toIssuedBadge(changes.revoke(badgeId, reason));
  }

  /**
   * {@inheritDoc} The new badge is issued at the clock's now; the reason goes to Credly as the
   * earner's {@code notification_message}. A retry after the badge was replaced returns the
   * replacement.
   */
  @Override
  public IssuedBadge replace(String badgeId, BadgeTemplateId newTemplate, @Nullable String reason) {
    return toIssuedBadge(changes.replace(badgeId, newTemplate, reason));
  }

  /** {@inheritDoc} The URL is Credly's {@code badge_url}, the badge's public page. */
  @Override
  public Optional<BadgeDetails> describe(String badgeId) {
    IssuedBadgeDto badge;
    try {
      badge = client.badge(badgeId);
    } catch (ApiException e) {
      if (e.status() == NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    BadgeTemplateId templateId = templateOf(badge);
    BadgeTemplateDto template = badge.badgeTemplate();
    String name = template == null ? null : template.name();
    if (name == null || name.isBlank()) {
      name = client.badgeTemplate(templateId.value()).name();
    }
    return Optional.of(
        new BadgeDetails(
            badge.id(),
            templateId,
            name == null || name.isBlank() ? templateId.value() : name,
            badge.badgeUrl(),
            stateOf(badge)));
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

  /** A badge the sync issued: Credly carries our contact id as its issuer_earner_id. */
  private static IssuedBadge toIssuedBadge(IssuedBadgeDto badge) {
    String earnerId = badge.issuerEarnerId();
    if (earnerId == null || earnerId.isBlank()) {
      throw new IllegalStateException(
          "Credly badge " + badge.id() + " has no issuer_earner_id: not issued by the sync");
    }
    return toIssuedBadge(badge, new ContactId(earnerId), templateOf(badge));
  }

  private static BadgeTemplateId templateOf(IssuedBadgeDto badge) {
    String templateId = badge.badgeTemplateId();
    if (templateId == null || templateId.isBlank()) {
      throw new IllegalStateException("Credly badge " + badge.id() + " names no badge template");
    }
    return new BadgeTemplateId(templateId);
  }

  private static BadgeState stateOf(IssuedBadgeDto badge) {
    return BadgeState.parse(badge.state())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Credly badge " + badge.id() + " has an unknown state: " + badge.state()));
  }
}
