package io.ghlcredly.credly.webhook;

import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.credly.api.EventDto;
import io.ghlcredly.credly.api.IssuedBadgeDto;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a Credly event read from the API into the engine's event. Only badge events of badges the
 * sync can place (an {@code issuer_earner_id}, which is the GHL contact id) become events; the rest
 * is answered with the reason it is skipped. Stateless and thread-safe.
 */
public final class CredlyEventTranslator {
  public static final String BADGE_CREATED = "badge.created";
  public static final String BADGE_STATE_CHANGED = "badge.state.changed";
  public static final String BADGE_DELETED = "badge.deleted";

  /** The engine event, or why there is none. */
  public sealed interface Translation {
    record Event(SyncEvent.BadgeChanged event) implements Translation {}

    record Skipped(String reason) implements Translation {}
  }

  /**
   * The engine event for a Credly event, or why there is none.
   *
   * @param fallbackTime used when neither the event nor its badge carries a usable time
   */
  public Translation translate(EventDto event, Instant fallbackTime) {
    String organization = event.organizationId();
    return translate(
        event, fallbackTime, organization == null ? null : organization.toLowerCase(Locale.ROOT));
  }

  /**
   * The engine event for a Credly event of the organization, or why there is none.
   *
   * @param organizationId the organization whose API returned the event, recorded on it
   */
  public Translation translate(
      EventDto event, Instant fallbackTime, @Nullable String organizationId) {
    Optional<SyncEvent.BadgeChanged.Change> change = change(event.eventType());
    if (change.isEmpty()) {
      return new Translation.Skipped("event type " + event.eventType() + " is not synced");
    }
    IssuedBadgeDto badge = event.badge();
    if (badge == null) {
      return new Translation.Skipped("event carries no badge");
    }
    String earnerId = badge.issuerEarnerId();
    if (earnerId == null || earnerId.isBlank()) {
      return new Translation.Skipped("badge has no issuer_earner_id: not issued by the sync");
    }
    String templateId = badge.badgeTemplateId();
    if (templateId == null || templateId.isBlank()) {
      return new Translation.Skipped("badge names no template");
    }
    Optional<BadgeState> state = BadgeState.parse(badge.state());
    if (state.isEmpty()) {
      return new Translation.Skipped("unknown badge state " + badge.state());
    }
    Instant occurredAt =
        time(event.occurredAt())
            .or(() -> time(badge.stateUpdatedAt()))
            .or(() -> time(badge.updatedAt()))
            .orElse(fallbackTime);
    return new Translation.Event(
        new SyncEvent.BadgeChanged(
            new EventId(event.id()),
            new ContactId(earnerId),
            occurredAt,
            change.get(),
            badge.id(),
            new BadgeTemplateId(templateId),
            state.get(),
            organizationId));
  }

  static Optional<SyncEvent.BadgeChanged.Change> change(String eventType) {
    return switch (eventType) {
      case BADGE_CREATED -> Optional.of(SyncEvent.BadgeChanged.Change.CREATED);
      case BADGE_STATE_CHANGED -> Optional.of(SyncEvent.BadgeChanged.Change.STATE_CHANGED);
      case BADGE_DELETED -> Optional.of(SyncEvent.BadgeChanged.Change.DELETED);
      default -> Optional.empty();
    };
  }

  /** Credly writes ISO-8601, usually UTC with milliseconds. */
  static Optional<Instant> time(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
    } catch (DateTimeParseException notIso) {
      return Optional.empty();
    }
  }
}
