package io.ghlcredly.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.app.config.RuleValues.Slot;
import io.ghlcredly.core.mapping.Condition;
import io.ghlcredly.core.mapping.Condition.BadgeEventKind;
import io.ghlcredly.core.mapping.TitlePattern;
import io.ghlcredly.core.model.BadgeTemplateId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Binds a rule's {@code when:}, one condition kind with its parameters. */
final class ConditionBinder {
  static final List<String> KINDS =
      List.of(
          "contact-created",
          "contact-updated",
          "contact-deleted",
          "tag-added",
          "tag-removed",
          "field-changed",
          "status-changed",
          "task-created",
          "task-completed",
          "note-created",
          "credly-badge");
  private static final String EXAMPLE = "{ tag-added: <tag> }";

  /** A bound condition with the kind it was written as (status-changed, field-changed…). */
  record Bound(String kind, Condition condition) {}

  private ConditionBinder() {}

  /** The rule's condition; null after reporting why there is none. */
  static @Nullable Bound bind(Section rule, RuleContext context) {
    JsonNode written = rule.raw("when");
    if (written == null) {
      rule.problem("when", "is required, such as " + EXAMPLE + " (kinds: " + kinds() + ")");
      return null;
    }
    if (!written.isObject()) {
      rule.problem(
          "when", "must be a mapping such as " + EXAMPLE + ", not " + Section.describe(written));
      return null;
    }
    Section when = rule.child("when");
    String kind = Kinds.single(when, "condition", KINDS);
    if (kind == null) {
      return null;
    }
    int before = when.context().problemCount();
    Condition condition = condition(when, kind, context);
    return condition == null || when.context().problemCount() > before
        ? null
        : new Bound(kind, condition);
  }

  static String kinds() {
    return String.join(", ", KINDS);
  }

  private static @Nullable Condition condition(Section when, String kind, RuleContext context) {
    return switch (kind) {
      case "contact-created" -> RuleValues.flag(when, kind) ? new Condition.ContactCreated() : null;
      case "contact-updated" -> RuleValues.flag(when, kind) ? new Condition.ContactUpdated() : null;
      case "contact-deleted" -> RuleValues.flag(when, kind) ? new Condition.ContactDeleted() : null;
      case "tag-added", "tag-removed" -> tag(when, kind);
      case "field-changed" -> fieldChanged(when, context);
      case "status-changed" -> statusChanged(when, context);
      case "task-created", "task-completed" -> task(when, kind);
      case "note-created" -> noteCreated(when);
      case "credly-badge" -> credlyBadge(when);
      default -> {
        Kinds.unknown(when, kind, "condition", KINDS);
        yield null;
      }
    };
  }

  private static @Nullable Condition tag(Section when, String kind) {
    Slot slot = RuleValues.slot(when, kind, "tag");
    String tag = slot.section().requiredText(slot.key(), " (the GHL tag name)");
    if (tag.isEmpty()) {
      return null;
    }
    return kind.equals("tag-added") ? new Condition.TagAdded(tag) : new Condition.TagRemoved(tag);
  }

  /** {@code field-changed: { field: email, from?: …, to?: … }}. */
  private static @Nullable Condition fieldChanged(Section when, RuleContext context) {
    Section details = RuleValues.longForm(when, "field-changed", "{ field: email, to: <value> }");
    if (details == null) {
      return null;
    }
    String field =
        details.requiredText("field", " (a contact field such as email or customField.<id>)");
    String from = details.text("from");
    String to = details.text("to");
    if (field.isEmpty()) {
      return null;
    }
    if (field.equals("status") && !context.statusMapped()) {
      details.problem("field", statusNeeded());
      return null;
    }
    return new Condition.FieldChanged(field, from, to);
  }

  /** {@code status-changed: { from?: …, to?: … }}: a change of the mapped status. */
  private static @Nullable Condition statusChanged(Section when, RuleContext context) {
    Section details = RuleValues.longForm(when, "status-changed", "{ to: refunded }");
    if (details == null) {
      return null;
    }
    String from = details.text("from");
    String to = details.text("to");
    if (!context.statusMapped()) {
      when.problem("status-changed", statusNeeded());
      return null;
    }
    return new Condition.FieldChanged("status", from, to);
  }

  private static String statusNeeded() {
    return "needs mapping.status (what status means for this account), which is not set";
  }

  /** {@code task-completed: "Exam*"}, {@code { title-matches: "Exam*" }} or {@code {}} (any). */
  private static @Nullable Condition task(Section when, String kind) {
    JsonNode value = when.raw(kind);
    TitlePattern title;
    if (value == null || (value.isObject() && value.isEmpty()) || value.isBoolean()) {
      if (!RuleValues.flag(when, kind)) {
        return null;
      }
      title = TitlePattern.any();
    } else {
      Slot slot = RuleValues.slot(when, kind, "title-matches");
      String glob = slot.section().requiredText(slot.key(), " (a task title; * matches any text)");
      if (glob.isEmpty()) {
        return null;
      }
      title = new TitlePattern(glob);
    }
    return kind.equals("task-created")
        ? new Condition.TaskCreated(title)
        : new Condition.TaskCompleted(title);
  }

  /** {@code note-created: {}} or {@code { body-contains: text }}. */
  private static @Nullable Condition noteCreated(Section when) {
    JsonNode value = when.raw("note-created");
    if (value != null && value.isObject() && !value.isEmpty()) {
      Section details = when.child("note-created");
      return new Condition.NoteCreated(details.text("body-contains"));
    }
    return RuleValues.flag(when, "note-created") ? new Condition.NoteCreated(null) : null;
  }

  /** {@code credly-badge: accepted} or {@code { event: accepted, template: <uuid> }}. */
  private static @Nullable Condition credlyBadge(Section when) {
    Slot slot = RuleValues.slot(when, "credly-badge", "event");
    BadgeEventKind event = slot.section().choice(slot.key(), BadgeEventKind.class, null);
    BadgeTemplateId template =
        slot.isLong() ? RuleValues.templateId(slot.section(), "template", false) : null;
    return event == null ? null : new Condition.CredlyBadge(event, template);
  }
}
