package io.ghlcredly.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.app.config.CredlyConfig.Records;
import io.ghlcredly.app.config.RuleValues.Slot;
import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.mapping.TitlePattern;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.template.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Binds a rule's {@code do:}, a list of actions, each one kind with its parameters. */
final class ActionBinder {
  static final List<String> KINDS =
      List.of(
          "issue-badge",
          "revoke-badges",
          "replace-badge",
          "upsert-record",
          "delete-record",
          "ghl-add-tag",
          "ghl-remove-tag",
          "ghl-add-note",
          "ghl-create-task",
          "ghl-complete-task");
  private static final Duration MIN_DUE = Duration.ofMinutes(1);
  private static final Duration MAX_DUE = Duration.ofDays(365);

  private final RuleContext context;
  private final TemplateScope scope;

  ActionBinder(RuleContext context, TemplateScope scope) {
    this.context = context;
    this.scope = scope;
  }

  /** The rule's actions that are valid; problems with the others are reported. */
  List<Action> bind(Section rule) {
    JsonNode written = rule.raw("do");
    if (written == null || (written.isArray() && written.isEmpty())) {
      rule.problem("do", "needs at least one action (kinds: " + String.join(", ", KINDS) + ")");
      return List.of();
    }
    List<Action> actions = new ArrayList<>();
    for (Section item : rule.sections("do")) {
      String kind = Kinds.single(item, "action", KINDS);
      if (kind == null) {
        continue;
      }
      int before = item.context().problemCount();
      Action action = action(item, kind);
      if (action != null && item.context().problemCount() == before) {
        actions.add(action);
      }
    }
    return actions;
  }

  private @Nullable Action action(Section item, String kind) {
    return switch (kind) {
      case "issue-badge" -> issueBadge(item);
      case "revoke-badges" -> revokeBadges(item);
      case "replace-badge" -> replaceBadge(item);
      case "upsert-record", "delete-record" -> record(item, kind);
      case "ghl-add-tag", "ghl-remove-tag" -> tag(item, kind);
      case "ghl-add-note" -> note(item);
      case "ghl-create-task" -> createTask(item);
      case "ghl-complete-task" -> completeTask(item);
      default -> {
        Kinds.unknown(item, kind, "action", KINDS);
        yield null;
      }
    };
  }

  /** {@code issue-badge: <uuid>} or {@code { template: <uuid>, evidence?: <text> }}. */
  private @Nullable Action issueBadge(Section item) {
    Slot slot = RuleValues.slot(item, "issue-badge", "template");
    BadgeTemplateId template = RuleValues.templateId(slot.section(), slot.key(), true);
    Template evidence =
        slot.isLong() ? context.templates().optional(slot.section(), "evidence", scope) : null;
    return template == null ? null : new Action.IssueBadge(template, evidence);
  }

  /** {@code revoke-badges: { reason: <text>, template?: <uuid> }}; without template: all. */
  private @Nullable Action revokeBadges(Section item) {
    Section details =
        RuleValues.longForm(item, "revoke-badges", "{ reason: \"Enrollment refunded\" }");
    if (details == null) {
      return null;
    }
    BadgeTemplateId template = RuleValues.templateId(details, "template", false);
    Template reason =
        context.templates().required(details, "reason", " (shown to the earner)", scope);
    return reason == null ? null : new Action.RevokeBadges(template, reason);
  }

  /** {@code replace-badge: { from: <uuid>, to: <uuid>, reason?: <text> }}. */
  private @Nullable Action replaceBadge(Section item) {
    Section details = RuleValues.longForm(item, "replace-badge", "{ from: <uuid>, to: <uuid> }");
    if (details == null) {
      return null;
    }
    BadgeTemplateId from = RuleValues.templateId(details, "from", true);
    BadgeTemplateId to = RuleValues.templateId(details, "to", true);
    Template reason = context.templates().optional(details, "reason", scope);
    if (from == null || to == null) {
      return null;
    }
    if (from.equals(to)) {
      details.problem("to", "must differ from from (" + from + ")");
      return null;
    }
    return new Action.ReplaceBadge(from, to, reason);
  }

  /** {@code upsert-record: {}} or {@code delete-record: {}}: needs employee records. */
  private @Nullable Action record(Section item, String kind) {
    if (!RuleValues.flag(item, kind)) {
      return null;
    }
    if (context.records() == Records.NONE) {
      item.problem(kind, "needs credly.records: employees (records are off)");
      return null;
    }
    return kind.equals("upsert-record") ? new Action.UpsertRecord() : new Action.DeleteRecord();
  }

  /** {@code ghl-add-tag: <tag>} or {@code { tag: <tag> }}; the same for ghl-remove-tag. */
  private @Nullable Action tag(Section item, String kind) {
    Slot slot = RuleValues.slot(item, kind, "tag");
    Template tag =
        context.templates().required(slot.section(), slot.key(), " (the GHL tag name)", scope);
    if (tag == null) {
      return null;
    }
    return kind.equals("ghl-add-tag") ? new Action.AddTag(tag) : new Action.RemoveTag(tag);
  }

  /** {@code ghl-add-note: <text>} or {@code { body: <text> }}. */
  private @Nullable Action note(Section item) {
    Slot slot = RuleValues.slot(item, "ghl-add-note", "body");
    Template body =
        context.templates().required(slot.section(), slot.key(), " (the note's text)", scope);
    return body == null ? null : new Action.AddNote(body);
  }

  /** {@code ghl-create-task: { title: <text>, due-in: 7d, body?: <text> }}. */
  private @Nullable Action createTask(Section item) {
    Section details =
        RuleValues.longForm(
            item, "ghl-create-task", "{ title: \"Accept your badge\", due-in: 7d }");
    if (details == null) {
      return null;
    }
    Template title = context.templates().required(details, "title", " (the task's title)", scope);
    Template body = context.templates().optional(details, "body", scope);
    Duration dueIn = null;
    if (details.present("due-in")) {
      dueIn = details.duration("due-in", MIN_DUE, MIN_DUE, MAX_DUE);
    } else {
      details.problem(
          "due-in", "is required (when the task is due after it is created, such as 7d)");
    }
    return title == null || dueIn == null ? null : new Action.CreateTask(title, body, dueIn);
  }

  /** {@code ghl-complete-task: "Accept*"} or {@code { title-matches: "Accept*" }}. */
  private static @Nullable Action completeTask(Section item) {
    Slot slot = RuleValues.slot(item, "ghl-complete-task", "title-matches");
    String glob = slot.section().requiredText(slot.key(), " (a task title; * matches any text)");
    return glob.isEmpty() ? null : new Action.CompleteTask(new TitlePattern(glob));
  }
}
