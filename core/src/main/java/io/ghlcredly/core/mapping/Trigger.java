package io.ghlcredly.core.mapping;

import io.ghlcredly.core.model.BadgeTemplateId;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a contact, as a sync job found it: what rules fire on. Each trigger
 * has an occurrence key, stable across retries of the job, that tells one occurrence from the next
 * (the same tag added again after a removal is a new occurrence; the same webhook redelivered is
 * not).
 */
public sealed interface Trigger {
  /** Identifies this occurrence; part of the action journal's key. */
  String key();

  /** Why a rule fired, for the audit trail and plans, such as {@code tag 'vip' added}. */
  String reason();

  /** The contact was created in GHL. */
  record ContactCreated() implements Trigger {
    @Override
    public String key() {
      return "contact.created";
    }

    @Override
    public String reason() {
      return "contact created";
    }
  }

  /** The contact (any field or tag) changed; {@code version} is its GHL dateUpdated. */
  record ContactUpdated(@Nullable Instant version) implements Trigger {
    @Override
    public String key() {
      return "contact.updated@" + version;
    }

    @Override
    public String reason() {
      return "contact updated";
    }
  }

  /** The contact was deleted in GHL. */
  record ContactDeleted() implements Trigger {
    @Override
    public String key() {
      return "contact.deleted";
    }

    @Override
    public String reason() {
      return "contact deleted";
    }
  }

  /** The contact gained a tag (lower-cased). */
  record TagAdded(String tag, @Nullable Instant version) implements Trigger {
    @Override
    public String key() {
      return "tag.added:" + tag + "@" + version;
    }

    @Override
    public String reason() {
      return "tag '" + tag + "' added";
    }
  }

  /** The contact lost a tag (lower-cased). */
  record TagRemoved(String tag, @Nullable Instant version) implements Trigger {
    @Override
    public String key() {
      return "tag.removed:" + tag + "@" + version;
    }

    @Override
    public String reason() {
      return "tag '" + tag + "' removed";
    }
  }

  /** A field's value changed; values are null when absent. */
  record FieldChanged(
      String field, @Nullable String from, @Nullable String to, @Nullable Instant version)
      implements Trigger {
    @Override
    public String key() {
      // A hash, not the value: keys end up in logs and the journal, values may be personal data.
      String value = to == null ? "" : to.trim().toLowerCase(Locale.ROOT);
      return "field:" + field + "=" + Integer.toHexString(value.hashCode()) + "@" + version;
    }

    @Override
    public String reason() {
      return field + " changed from " + quote(from) + " to " + quote(to);
    }

    private static String quote(@Nullable String value) {
      return value == null ? "(none)" : "'" + value + "'";
    }
  }

  /** A task was created; the title is null when the event did not carry it. */
  record TaskCreated(String taskId, @Nullable String title) implements Trigger {
    @Override
    public String key() {
      return "task.created:" + taskId;
    }

    @Override
    public String reason() {
      return "task " + taskId + " created";
    }
  }

  /** A task was completed. */
  record TaskCompleted(String taskId, @Nullable String title) implements Trigger {
    @Override
    public String key() {
      return "task.completed:" + taskId;
    }

    @Override
    public String reason() {
      return "task " + taskId + " completed";
    }
  }

  /** A note was added; the body is null when it could not be read (the note is gone). */
  record NoteCreated(String noteId, @Nullable String body) implements Trigger {
    @Override
    public String key() {
      return "note.created:" + noteId;
    }

    @Override
    public String reason() {
      return "note " + noteId + " created";
    }
  }

  /** Credly reported a badge event. */
  record BadgeEvent(Condition.BadgeEventKind kind, String badgeId, BadgeTemplateId templateId)
      implements Trigger {
    @Override
    public String key() {
      return "badge." + kind.name().toLowerCase(Locale.ROOT) + ":" + badgeId;
    }

    @Override
    public String reason() {
      return "Credly badge " + badgeId + " " + kind.name().toLowerCase(Locale.ROOT);
    }
  }
}
