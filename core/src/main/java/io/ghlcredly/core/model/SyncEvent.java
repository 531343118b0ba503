package io.ghlcredly.core.model;

import java.time.Instant;
import java.util.Optional;

/**
 * Something that happened upstream and may need syncing. Closed set, handled exhaustively. GHL
 * events carry the location they come from; Credly events have none.
 */
public sealed interface SyncEvent {
  EventId eventId();

  /** The contact whose sync job applies the event (for Credly events, the issuer_earner_id). */
  ContactId contactId();

  /** When the source says it happened. */
  Instant occurredAt();

  /** A stable name for storage and logs, such as {@code contact.created}. */
  default String type() {
    return switch (this) {
      case ContactCreated created -> "contact.created";
      case ContactUpdated updated -> "contact.updated";
      case ContactTagsUpdated tagsUpdated -> "contact.tags-updated";
      case ContactDeleted deleted -> "contact.deleted";
      case BadgeChanged badge ->
          switch (badge.change()) {
            case CREATED -> BadgeChanged.CREATED_TYPE;
            case STATE_CHANGED -> BadgeChanged.STATE_CHANGED_TYPE;
            case DELETED -> BadgeChanged.DELETED_TYPE;
          };
    };
  }

  /** An event about a GHL contact: it comes from a location. */
  sealed interface ContactEvent extends SyncEvent {
    LocationId locationId();
  }

  /** A contact was created. */
  record ContactCreated(
      EventId eventId, ContactId contactId, LocationId locationId, Instant occurredAt)
      implements ContactEvent {}

  /** A contact's fields changed. */
  record ContactUpdated(
      EventId eventId, ContactId contactId, LocationId locationId, Instant occurredAt)
      implements ContactEvent {}

  /** A contact's tags changed; the payload holds the full tag list after the change. */
  record ContactTagsUpdated(
      EventId eventId, ContactId contactId, LocationId locationId, Instant occurredAt)
      implements ContactEvent {}

  /** A contact was deleted. */
  record ContactDeleted(
      EventId eventId, ContactId contactId, LocationId locationId, Instant occurredAt)
      implements ContactEvent {}

  /**
   * A badge of a contact changed at the credential provider (Credly's {@code badge.created}, {@code
   * badge.state.changed}, {@code badge.deleted}), as read back from the provider's API.
   *
   * @param badgeId the provider's badge id
   * @param state the badge's state as the event reports it
   */
  record BadgeChanged(
      EventId eventId,
      ContactId contactId,
      Instant occurredAt,
      Change change,
      String badgeId,
      BadgeTemplateId templateId,
      BadgeState state)
      implements SyncEvent {
    public static final String CREATED_TYPE = "badge.created";
    public static final String STATE_CHANGED_TYPE = "badge.state-changed";
    public static final String DELETED_TYPE = "badge.deleted";

    public BadgeChanged {
      if (badgeId == null || badgeId.isBlank()) {
        throw new IllegalArgumentException("badgeId must not be blank");
      }
    }

    /** What happened to the badge. */
    public enum Change {
      CREATED,
      STATE_CHANGED,
      DELETED
    }

    /** The change a stored {@link SyncEvent#type()} names, or empty for another type. */
    public static Optional<Change> changeOf(String type) {
      return switch (type) {
        case CREATED_TYPE -> Optional.of(Change.CREATED);
        case STATE_CHANGED_TYPE -> Optional.of(Change.STATE_CHANGED);
        case DELETED_TYPE -> Optional.of(Change.DELETED);
        default -> Optional.empty();
      };
    }

    /** The state the ledger records: a deleted badge is {@link BadgeState#DELETED}. */
    public BadgeState resultingState() {
      return change == Change.DELETED ? BadgeState.DELETED : state;
    }
  }
}
