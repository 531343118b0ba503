package io.ghlcredly.core.model;

import java.time.Instant;

/** Something that happened upstream and may need syncing. Closed set, handled exhaustively. */
public sealed interface SyncEvent {
  EventId eventId();

  ContactId contactId();

  LocationId locationId();

  /** When the source says it happened. */
  Instant occurredAt();

  /** A stable name for storage and logs, such as {@code contact.created}. */
  default String type() {
    return switch (this) {
      case ContactCreated created -> "contact.created";
      case ContactUpdated updated -> "contact.updated";
      case ContactTagsUpdated tagsUpdated -> "contact.tags-updated";
      case ContactDeleted deleted -> "contact.deleted";
    };
  }

  /** A contact was created. */
  record ContactCreated(
      EventId eventId, ContactId contactId, LocationId locationId, Instant occurredAt)
      implements SyncEvent {}

  /** A contact's fields changed. */
  record ContactUpdated(
      EventId eventId, ContactId contactId, LocationId locationId, Instant occurredAt)
      implements SyncEvent {}

  /** A contact's tags changed; the payload holds the full tag list after the change. */
  record ContactTagsUpdated(
      EventId eventId, ContactId contactId, LocationId locationId, Instant occurredAt)
      implements SyncEvent {}

  /** A contact was deleted. */
  record ContactDeleted(
      EventId eventId, ContactId contactId, LocationId locationId, Instant occurredAt)
      implements SyncEvent {}
}
