package io.ghlcredly.core.model;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
      case ContactDndUpdated dndUpdated -> "contact.dnd-updated";
      case ContactSeen seen -> ContactSeen.TYPE;
      case NoteCreated note -> "note.created";
      case NoteUpdated note -> "note.updated";
      case NoteDeleted note -> "note.deleted";
      case TaskCreated task -> "task.created";
      case TaskCompleted task -> "task.completed";
      case TaskDeleted task -> "task.deleted";
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

  /** A contact's do-not-disturb settings changed. */
  record ContactDndUpdated(
      EventId eventId, ContactId contactId, LocationId locationId, Instant occurredAt)
      implements ContactEvent {}

  /**
   * A contact as a bulk import or a poll read it from the CRM, carried whole: applying it needs no
   * second read. Its event id names the run and the contact's version, so the same version seen
   * twice is one event.
   */
  record ContactSeen(
      EventId eventId,
      ContactId contactId,
      LocationId locationId,
      Instant occurredAt,
      Contact contact)
      implements ContactEvent {
    public static final String TYPE = "contact.seen";

    public ContactSeen {
      if (!contact.id().equals(contactId)) {
        throw new IllegalArgumentException("contact " + contact.id() + " is not " + contactId);
      }
    }
  }

  /** An event about one note of a contact. */
  sealed interface NoteEvent extends ContactEvent {
    /** GHL's id of the note. */
    String noteId();
  }

  /** A note was added to a contact. */
  record NoteCreated(
      EventId eventId,
      ContactId contactId,
      LocationId locationId,
      Instant occurredAt,
      String noteId)
      implements NoteEvent {
    public NoteCreated {
      requireSubject(noteId, "noteId");
    }
  }

  /** A contact's note was edited. */
  record NoteUpdated(
      EventId eventId,
      ContactId contactId,
      LocationId locationId,
      Instant occurredAt,
      String noteId)
      implements NoteEvent {
    public NoteUpdated {
      requireSubject(noteId, "noteId");
    }
  }

  /** A contact's note was deleted. */
  record NoteDeleted(
      EventId eventId,
      ContactId contactId,
      LocationId locationId,
      Instant occurredAt,
      String noteId)
      implements NoteEvent {
    public NoteDeleted {
      requireSubject(noteId, "noteId");
    }
  }

  /**
   * An event about one task of a contact. The title is kept because rules will match on it; GHL
   * documents it for every task event but may leave it out.
   */
  sealed interface TaskEvent extends ContactEvent {
    /** GHL's id of the task. */
    String taskId();

    /** The task's title as the event reports it, or null when the event has none. */
    @Nullable String title();
  }

  /** A task was created for a contact. */
  record TaskCreated(
      EventId eventId,
      ContactId contactId,
      LocationId locationId,
      Instant occurredAt,
      String taskId,
      @Nullable String title)
      implements TaskEvent {
    public TaskCreated {
      requireSubject(taskId, "taskId");
    }
  }

  /** A contact's task was marked completed. */
  record TaskCompleted(
      EventId eventId,
      ContactId contactId,
      LocationId locationId,
      Instant occurredAt,
      String taskId,
      @Nullable String title)
      implements TaskEvent {
    public TaskCompleted {
      requireSubject(taskId, "taskId");
    }
  }

  /** A contact's task was deleted. */
  record TaskDeleted(
      EventId eventId,
      ContactId contactId,
      LocationId locationId,
      Instant occurredAt,
      String taskId,
      @Nullable String title)
      implements TaskEvent {
    public TaskDeleted {
      requireSubject(taskId, "taskId");
    }
  }

  private static void requireSubject(String id, String name) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /**
   * A badge of a contact changed at the credential provider (Credly's {@code badge.created}, {@code
   * badge.state.changed}, {@code badge.deleted}), as read back from the provider's API.
   *
   * @param badgeId the provider's badge id
   * @param state the badge's state as the event reports it
   * @param organizationId the Credly organization that reported it (lower case); null for events
   *     stored before workspaces, which belong to the only organization
   */
  record BadgeChanged(
      EventId eventId,
      ContactId contactId,
      Instant occurredAt,
      Change change,
      String badgeId,
      BadgeTemplateId templateId,
      BadgeState state,
      @Nullable String organizationId)
      implements SyncEvent {
    public static final String CREATED_TYPE = "badge.created";
    public static final String STATE_CHANGED_TYPE = "badge.state-changed";
    public static final String DELETED_TYPE = "badge.deleted";

    public BadgeChanged {
      if (badgeId == null || badgeId.isBlank()) {
        throw new IllegalArgumentException("badgeId must not be blank");
      }
    }

    /** A badge event whose organization is not known (one organization only). */
    public BadgeChanged(
        EventId eventId,
        ContactId contactId,
        Instant occurredAt,
        Change change,
        String badgeId,
        BadgeTemplateId templateId,
        BadgeState state) {
      this(eventId, contactId, occurredAt, change, badgeId, templateId, state, null);
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
