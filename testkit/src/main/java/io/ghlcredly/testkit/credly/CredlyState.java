package io.ghlcredly.testkit.credly;

import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The emulated organization's templates and issued badges, with Credly's issuing rules.
 * Thread-safe: every method holds the instance lock, so the duplicate check and the insert are
 * atomic.
 */
final class CredlyState {
  private final InstantSource clock;
  private final Map<String, BadgeTemplate> templates = new LinkedHashMap<>();
  private final Map<String, Badge> badges = new LinkedHashMap<>();
  private final Map<String, CredlyEvent> events = new LinkedHashMap<>();
  private final Consumer<CredlyEvent> onEvent;

  /**
   * @param onEvent told of every recorded event, under the state lock: must not block
   */
  CredlyState(InstantSource clock, Consumer<CredlyEvent> onEvent) {
    this.clock = clock;
    this.onEvent = onEvent;
  }

  private void record(String type, @Nullable Badge badge, @Nullable BadgeTemplate template) {
    CredlyEvent event =
        new CredlyEvent(UUID.randomUUID().toString(), type, clock.instant(), badge, template);
    events.put(event.id(), event);
    onEvent.accept(event);
  }

  synchronized Optional<CredlyEvent> event(String id) {
    return Optional.ofNullable(events.get(id));
  }

  synchronized List<CredlyEvent> events() {
    return List.copyOf(events.values());
  }

  Instant now() {
    return clock.instant();
  }

  synchronized BadgeTemplate addTemplate(String id, String name, boolean allowDuplicates) {
    BadgeTemplate template =
        new BadgeTemplate(id, name, BadgeTemplate.ACTIVE, allowDuplicates, clock.instant());
    templates.put(id, template);
    return template;
  }

  synchronized BadgeTemplate setTemplateState(String id, String state) {
    BadgeTemplate template = templates.get(id);
    if (template == null) {
      throw new IllegalArgumentException("no badge template " + id);
    }
    BadgeTemplate changed = template.withState(state);
    templates.put(id, changed);
    record(CredlyEvent.TEMPLATE_CHANGED, null, changed);
    return changed;
  }

  synchronized Optional<BadgeTemplate> template(String id) {
    return Optional.ofNullable(templates.get(id));
  }

  synchronized List<BadgeTemplate> templates() {
    return List.copyOf(templates.values());
  }

  synchronized long countIssued(String templateId) {
    return badges.values().stream().filter(b -> b.templateId().equals(templateId)).count();
  }

  synchronized List<Badge> badges() {
    return List.copyOf(badges.values());
  }

  synchronized Optional<Badge> badge(String id) {
    return Optional.ofNullable(badges.get(id));
  }

  /** Applies Credly's rules and stores the badge when they allow it. */
  synchronized IssueOutcome issue(NewBadge request) {
    BadgeTemplate template = templates.get(request.templateId());
    if (template == null || !template.active()) {
      return new IssueOutcome.InvalidTemplate();
    }
    if (!template.allowDuplicateBadges()) {
      Optional<Badge> duplicate = findDuplicate(request);
      if (duplicate.isPresent()) {
        return new IssueOutcome.Duplicate(duplicate.get());
      }
    }
    Instant now = clock.instant();
    Badge badge =
        new Badge(
            UUID.randomUUID().toString(),
            request.templateId(),
            request.recipientEmail(),
            request.firstName(),
            request.lastName(),
            request.issuerEarnerId(),
            request.issuedAt(),
            request.expiresAt(),
            Badge.PENDING,
            null,
            request.locale(),
            request.suppressNotificationEmail(),
            request.evidenceJson(),
            now,
            now,
            null,
            null,
            null);
    badges.put(badge.id(), badge);
    record(CredlyEvent.BADGE_CREATED, badge, null);
    return new IssueOutcome.Created(badge);
  }

  /**
   * Replaces a badge with a new one of the given template (Credly's correction path): the new badge
   * names the old one in replaces_badge_id, the old one the new one in replacement_badge_id.
   */
  synchronized IssueOutcome replace(String badgeId, NewBadge replacement) {
    Badge old = badges.get(badgeId);
    if (old == null) {
      return new IssueOutcome.NotFound();
    }
    if (old.replacementBadgeId() != null || old.revoked()) {
      return new IssueOutcome.Duplicate(old);
    }
    BadgeTemplate template = templates.get(replacement.templateId());
    if (template == null || !template.active()) {
      return new IssueOutcome.InvalidTemplate();
    }
    Instant now = clock.instant();
    Badge created =
        new Badge(
            UUID.randomUUID().toString(),
            replacement.templateId(),
            replacement.recipientEmail(),
            replacement.firstName(),
            replacement.lastName(),
            replacement.issuerEarnerId(),
            replacement.issuedAt(),
            replacement.expiresAt(),
            Badge.PENDING,
            null,
            old.locale(),
            old.suppressBadgeNotificationEmail(),
            replacement.evidenceJson(),
            now,
            now,
            null,
            old.id(),
            null);
    badges.put(badgeId, old.replacedBy(created.id(), now));
    badges.put(created.id(), created);
    record(CredlyEvent.BADGE_CREATED, created, null);
    return new IssueOutcome.Created(created);
  }

  /** Deletes a badge; its event carries the badge as it was. */
  synchronized Optional<Badge> delete(String badgeId) {
    Badge removed = badges.remove(badgeId);
    if (removed != null) {
      record(CredlyEvent.BADGE_DELETED, removed, null);
    }
    return Optional.ofNullable(removed);
  }

  /**
   * Credly (credly.md §5b): a duplicate shares the template and has the same recipient e-mail or
   * the same issuer_earner_id; revoked badges do not block a new one.
   */
  private Optional<Badge> findDuplicate(NewBadge request) {
    String email = request.recipientEmail().toLowerCase(Locale.ROOT);
    String earnerId = request.issuerEarnerId();
    return badges.values().stream()
        .filter(badge -> badge.templateId().equals(request.templateId()))
        .filter(badge -> !badge.revoked())
        // A replaced badge lives on in its replacement.
        .filter(badge -> badge.replacementBadgeId() == null)
        .filter(
            badge ->
                badge.recipientEmail().toLowerCase(Locale.ROOT).equals(email)
                    || (earnerId != null && earnerId.equals(badge.issuerEarnerId())))
        .findFirst();
  }

  synchronized RevokeOutcome revoke(String badgeId, String reason) {
    Badge badge = badges.get(badgeId);
    if (badge == null) {
      return new RevokeOutcome.NotFound();
    }
    if (badge.revoked()) {
      return new RevokeOutcome.AlreadyRevoked();
    }
    Badge revoked = badge.withState(Badge.REVOKED, reason, clock.instant());
    badges.put(badgeId, revoked);
    record(CredlyEvent.BADGE_STATE_CHANGED, revoked, null);
    return new RevokeOutcome.Revoked(revoked);
  }

  /** Changes the state as the earner would (accept, reject); keeps the revocation reason. */
  synchronized Optional<Badge> changeState(String badgeId, String state) {
    Badge badge = badges.get(badgeId);
    if (badge == null) {
      return Optional.empty();
    }
    Badge changed = badge.withState(state, badge.revocationReason(), clock.instant());
    badges.put(badgeId, changed);
    record(CredlyEvent.BADGE_STATE_CHANGED, changed, null);
    return Optional.of(changed);
  }

  synchronized long count(String templateId, @Nullable String issuerEarnerId) {
    return badges.values().stream()
        .filter(badge -> badge.templateId().equals(templateId))
        .filter(badge -> Objects.equals(badge.issuerEarnerId(), issuerEarnerId))
        .count();
  }

  /** Result of an issue attempt. */
  sealed interface IssueOutcome {
    record Created(Badge badge) implements IssueOutcome {}

    record InvalidTemplate() implements IssueOutcome {}

    record Duplicate(Badge existing) implements IssueOutcome {}

    record NotFound() implements IssueOutcome {}
  }

  /** Result of a revoke attempt. */
  sealed interface RevokeOutcome {
    record Revoked(Badge badge) implements RevokeOutcome {}

    record NotFound() implements RevokeOutcome {}

    record AlreadyRevoked() implements RevokeOutcome {}
  }
}
