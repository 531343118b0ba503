package io.ghlcredly.core.mapping;

import io.ghlcredly.core.model.BadgeTemplateId;
import org.jspecify.annotations.Nullable;

/** When a rule fires: matched against the triggers of a sync job. Closed set. */
public sealed interface Condition {
  /** The contact was created in GHL. */
  record ContactCreated() implements Condition {}

  /** The contact was created or changed in GHL (any field, tag or import). */
  record ContactUpdated() implements Condition {}

  /** The contact was deleted in GHL. */
  record ContactDeleted() implements Condition {}

  /** The contact gained the tag (compared case-insensitively, as GHL does). */
  record TagAdded(String tag) implements Condition {
    public TagAdded {
      requireText(tag, "tag");
    }
  }

  /** The contact lost the tag. */
  record TagRemoved(String tag) implements Condition {
    public TagRemoved {
      requireText(tag, "tag");
    }
  }

  /**
   * A field changed: {@code field} is a contact field name ({@code email}, {@code
   * customField.<id>}…) or {@code status} (the mapped status). With {@code to}, fires when the
   * value becomes it; with {@code from}, when the value leaves it; values compare ignoring case.
   */
  record FieldChanged(String field, @Nullable String from, @Nullable String to)
      implements Condition {
    public FieldChanged {
      requireText(field, "field");
    }
  }

  /** A task with a matching title was created. */
  record TaskCreated(TitlePattern title) implements Condition {}

  /** A task with a matching title was completed. */
  record TaskCompleted(TitlePattern title) implements Condition {}

  /** A note was added; with {@code bodyContains}, only notes whose body contains that text. */
  record NoteCreated(@Nullable String bodyContains) implements Condition {}

  /** Credly reported a badge event, optionally only for one template. */
  record CredlyBadge(BadgeEventKind kind, @Nullable BadgeTemplateId template)
      implements Condition {}

  /** What Credly reported about a badge. */
  enum BadgeEventKind {
    CREATED,
    ACCEPTED,
    REJECTED,
    REVOKED,
    EXPIRED,
    DELETED
  }

  private static void requireText(String value, String name) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
