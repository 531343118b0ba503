package io.ghlcredly.core.sync;

import io.ghlcredly.core.error.MappingException;
import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.core.model.IssueBadgeCommand;
import io.ghlcredly.core.model.IssuedBadge;
import io.ghlcredly.core.port.BadgeGateway;
import io.ghlcredly.core.port.IssuanceLedger;
import io.ghlcredly.core.template.Template;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The credential actions: issue (once per contact and template, through the ledger), revoke and
 * replace the badges the sync issued. Thread-safe.
 */
final class BadgeActions {
  private final BadgeIssuer issuer;
  private final IssuanceLedger ledger;
  private final BadgeGateway badges;
  private final InstantSource clock;

  BadgeActions(
      BadgeIssuer issuer, IssuanceLedger ledger, BadgeGateway badges, InstantSource clock) {
    this.issuer = issuer;
    this.ledger = ledger;
    this.badges = badges;
    this.clock = clock;
  }

  ActionResult issue(ActionContext context, Action.IssueBadge action) {
    BadgeIssuer.Outcome outcome = issuer.issue(issueCommand(context, action));
    Optional<Issuance> row = ledger.find(context.contactId(), action.templateId());
    String badgeId = row.map(Issuance::badgeId).orElse(null);
    return switch (outcome) {
      case ISSUED -> new ActionResult("badge issued", badgeId);
      case ALREADY_HELD -> new ActionResult("badge already held", badgeId);
      case SKIPPED_FAILED_BEFORE -> ActionResult.of("skipped: issuing failed before");
    };
  }

  ActionResult revoke(ActionContext context, Action.RevokeBadges action) {
    String reason = context.render(action.reason()).trim();
    if (reason.isEmpty()) {
      throw new MappingException(
          context.planned().ruleId().value(), "revoke reason rendered empty; Credly needs one");
    }
    List<String> revoked = new ArrayList<>();
    for (Issuance issuance : ledger.listByContact(context.contactId())) {
      String badgeId = issuance.badgeId();
      boolean wanted =
          action.templateId() == null || action.templateId().equals(issuance.templateId());
      if (wanted && issuance.state() == Issuance.State.ISSUED && badgeId != null) {
        badges.revoke(badgeId, reason);
        ledger.markRevoked(context.contactId(), issuance.templateId(), clock.instant());
        revoked.add(badgeId);
      }
    }
    if (revoked.isEmpty()) {
      return ActionResult.of("no badge to revoke");
    }
    return new ActionResult(
        "revoked " + revoked.size() + (revoked.size() == 1 ? " badge" : " badges"),
        String.join(",", revoked));
  }

  ActionResult replace(ActionContext context, Action.ReplaceBadge action) {
    Optional<Issuance> held =
        ledger
            .find(context.contactId(), action.from())
            .filter(issuance -> issuance.state() == Issuance.State.ISSUED)
            .filter(issuance -> issuance.badgeId() != null);
    if (held.isEmpty()) {
      return ActionResult.of("no badge of " + action.from() + " to replace");
    }
    Template reasonTemplate = action.reason();
    String reason = reasonTemplate == null ? null : context.render(reasonTemplate);
    IssuedBadge replacement =
        badges.replace(requireBadgeId(held.get()), action.to(), emptyToNull(reason));
    ledger.markReplaced(
        context.contactId(),
        action.from(),
        action.to(),
        replacement.badgeId(),
        context.planned().ruleId(),
        clock.instant());
    return new ActionResult("badge replaced", replacement.badgeId());
  }

  private IssueBadgeCommand issueCommand(ActionContext context, Action.IssueBadge action) {
    Contact contact = context.subject().contact();
    String ruleId = context.planned().ruleId().value();
    String email = contact.email();
    if (email == null || email.isBlank()) {
      throw new MappingException(ruleId, contact.logId() + " has no email; Credly needs one");
    }
    int at = email.indexOf('@');
    String firstName = firstNonBlank(contact.firstName(), at < 0 ? email : email.substring(0, at));
    String lastName = firstNonBlank(contact.lastName(), firstName);
    Template evidence = action.evidence();
    return new IssueBadgeCommand(
        context.planned().ruleId(),
        action.templateId(),
        contact.id(),
        email.trim(),
        firstName,
        lastName,
        clock.instant(),
        evidence == null ? null : emptyToNull(context.render(evidence)));
  }

  private static String requireBadgeId(Issuance issuance) {
    String badgeId = issuance.badgeId();
    if (badgeId == null) {
      throw new IllegalStateException("issued row without badge id");
    }
    return badgeId;
  }

  private static @Nullable String emptyToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static String firstNonBlank(@Nullable String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
