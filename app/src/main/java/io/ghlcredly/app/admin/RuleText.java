package io.ghlcredly.app.admin;

import io.ghlcredly.core.mapping.Condition;
import java.util.Locale;

/** A rule's condition in the words of the configuration, for operators. */
final class RuleText {
  private RuleText() {}

  static String describe(Condition condition) {
    return switch (condition) {
      case Condition.ContactCreated c -> "contact-created";
      case Condition.ContactUpdated c -> "contact-updated";
      case Condition.ContactDeleted c -> "contact-deleted";
      case Condition.TagAdded c -> "tag-added: " + c.tag();
      case Condition.TagRemoved c -> "tag-removed: " + c.tag();
      case Condition.FieldChanged c ->
          "field-changed: "
              + c.field()
              + (c.from() == null ? "" : " from " + c.from())
              + (c.to() == null ? "" : " to " + c.to());
      case Condition.TaskCreated c -> "task-created: " + c.title().glob();
      case Condition.TaskCompleted c -> "task-completed: " + c.title().glob();
      case Condition.NoteCreated c ->
          "note-created" + (c.bodyContains() == null ? "" : ": contains " + c.bodyContains());
      case Condition.CredlyBadge c ->
          "credly-badge: "
              + c.kind().name().toLowerCase(Locale.ROOT)
              + (c.template() == null ? "" : " of " + c.template().value());
    };
  }
}
