package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.core.model.IssueBadgeCommand;
import io.ghlcredly.core.model.IssuedBadge;
import io.ghlcredly.core.port.BadgeGateway;
import io.ghlcredly.core.port.IssuanceLedger;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues a badge at most once per (contact, template). The ledger claim comes first; a claim left
 * PENDING by an attempt whose outcome is unknown is resolved by looking the badge up before issuing
 * again. Thread-safe.
 */
public final class BadgeIssuer {
  private static final Logger log = LoggerFactory.getLogger(BadgeIssuer.class);

  private final IssuanceLedger ledger;
  private final BadgeGateway badges;
  private final SyncCounters counters;
  private final InstantSource clock;

  public BadgeIssuer(
      IssuanceLedger ledger, BadgeGateway badges, SyncCounters counters, InstantSource clock) {
    this.ledger = ledger;
    this.badges = badges;
    this.counters = counters;
    this.clock = clock;
  }

  /** What came of an issue request. */
  public enum Outcome {
    ISSUED,
    ALREADY_HELD,
    SKIPPED_FAILED_BEFORE
  }

  public Outcome issue(IssueBadgeCommand command) {
    IssuanceLedger.Claim claim =
        ledger.claim(command.contactId(), command.templateId(), command.ruleId(), clock.instant());
    if (!claim.newlyClaimed()) {
      Issuance existing = claim.issuance();
      switch (existing.state()) {
        case ISSUED -> {
          counters.duplicatePrevented();
          log.atInfo()
              .addKeyValue("contactId", command.contactId())
              .addKeyValue("templateId", command.templateId())
              .log("badge already issued; duplicate prevented");
          return Outcome.ALREADY_HELD;
        }
        case FAILED -> {
          return Outcome.SKIPPED_FAILED_BEFORE;
        }
        case REVOKED, REPLACED -> {
          // The ledger re-claims these pairs; reaching here means it did not: issue anyway.
        }
        case PENDING -> {
          Optional<IssuedBadge> found =
              badges.findIssued(command.contactId(), command.templateId());
          if (found.isPresent()) {
            record(command, found.get());
            counters.duplicatePrevented();
            return Outcome.ALREADY_HELD;
          }
        }
      }
    }
    BadgeGateway.IssueResult result = badges.issue(command);
    record(command, result.badge());
    return switch (result) {
      case BadgeGateway.IssueResult.Issued issued -> {
        counters.badgeIssued();
        log.atInfo()
            .addKeyValue("contactId", command.contactId())
            .addKeyValue("templateId", command.templateId())
            .addKeyValue("ruleId", command.ruleId())
            .addKeyValue("badgeId", issued.badge().badgeId())
            .log("badge issued");
        yield Outcome.ISSUED;
      }
      case BadgeGateway.IssueResult.AlreadyIssued already -> {
        counters.duplicatePrevented();
        yield Outcome.ALREADY_HELD;
      }
    };
  }

  private void record(IssueBadgeCommand command, IssuedBadge badge) {
    ledger.markIssued(command.contactId(), command.templateId(), badge.badgeId(), clock.instant());
  }
}
