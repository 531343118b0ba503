package io.ghlcredly.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.mapping.Condition;
import io.ghlcredly.core.mapping.Rule;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.RuleId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Binds {@code rules:}, a list of {@code {id, when, do}}. Kinds from the product plan that the
 * engine cannot run yet are refused by name, so a rule is never silently dropped.
 */
final class RulesBinder {
  private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final String CONDITIONS = "tag-added";
  private static final List<String> PLANNED_CONDITIONS =
      List.of("tag-removed", "task-completed", "status-changed", "credly-badge");
  private static final String ACTIONS = "issue-badge";
  private static final List<String> PLANNED_ACTIONS =
      List.of(
          "revoke-badges", "ghl-create-task", "ghl-add-tag", "ghl-add-note", "ghl-complete-task");

  private RulesBinder() {}

  /** The rules that are valid; problems with the others are reported to the context. */
  static RuleSet bind(Section root) {
    List<Rule> rules = new ArrayList<>();
    Map<String, String> idPaths = new HashMap<>();
    for (Section section : root.sections("rules")) {
      int before = section.context().problemCount();
      refuseAliases(section);
      String id = id(section, idPaths);
      Condition condition = condition(section);
      List<Action> actions = actions(section);
      if (condition != null && section.context().problemCount() == before) {
        rules.add(new Rule(new RuleId(id), condition, actions));
      }
    }
    return new RuleSet(rules);
  }

  /** Words other rule languages use; edit distance alone would suggest the wrong key. */
  private static void refuseAliases(Section rule) {
    Map<String, String> aliases =
        Map.of("then", "do", "actions", "do", "if", "when", "on", "when", "name", "id");
    for (String key : rule.keys()) {
      String meant = aliases.get(key);
      if (meant != null) {
        rule.markKnown(key);
        rule.problem(key, "unknown key (did you mean '" + meant + "'?)");
      }
    }
  }

  private static String id(Section rule, Map<String, String> idPaths) {
    String id = rule.requiredText("id", " (a name for this rule, unique in the file)");
    if (id.isEmpty()) {
      return id;
    }
    if (!RULE_ID.matcher(id).matches()) {
      rule.problem("id", "must be 1 to 64 letters, digits, '.', '_' or '-', got '" + id + "'");
    }
    String first = idPaths.putIfAbsent(id, rule.path());
    if (first != null) {
      rule.problem("id", "duplicate rule id '" + id + "' (first used at " + first + ")");
    }
    return id;
  }

  private static @Nullable Condition condition(Section rule) {
    JsonNode written = rule.raw("when");
    if (written == null) {
      rule.problem("when", "is required, such as { tag-added: <tag> } (supported: tag-added)");
      return null;
    }
    if (!written.isObject()) {
      rule.problem(
          "when",
          "must be a mapping such as { tag-added: <tag> }, not " + Section.describe(written));
      return null;
    }
    Section when = rule.child("when");
    String kind = singleKind(when, "condition", CONDITIONS);
    if (kind == null) {
      return null;
    }
    if (kind.equals("tag-added")) {
      String tag = when.requiredText(kind, " (the GHL tag name)");
      return tag.isEmpty() ? null : new Condition.TagAdded(tag);
    }
    refuseKind(when, kind, "condition", CONDITIONS, PLANNED_CONDITIONS);
    return null;
  }

  private static List<Action> actions(Section rule) {
    JsonNode written = rule.raw("do");
    if (written == null || (written.isArray() && written.isEmpty())) {
      rule.problem("do", "needs at least one action (supported: issue-badge)");
      return List.of();
    }
    List<Action> actions = new ArrayList<>();
    for (Section item : rule.sections("do")) {
      String kind = singleKind(item, "action", ACTIONS);
      if (kind == null) {
        continue;
      }
      if (kind.equals("issue-badge")) {
        Action action = issueBadge(item);
        if (action != null) {
          actions.add(action);
        }
      } else {
        refuseKind(item, kind, "action", ACTIONS, PLANNED_ACTIONS);
      }
    }
    return actions;
  }

  /** {@code issue-badge: <uuid>} or {@code issue-badge: { template: <uuid>, evidence: … }}. */
  private static @Nullable Action issueBadge(Section item) {
    JsonNode value = item.raw("issue-badge");
    Section details = item;
    String key = "issue-badge";
    String evidence = null;
    if (value != null && value.isObject()) {
      details = item.child("issue-badge");
      key = "template";
      evidence = details.text("evidence");
    }
    String template = details.requiredText(key, " (a Credly badge template UUID)");
    if (template.isEmpty()) {
      return null;
    }
    if (!CredlyConfig.UUID.matcher(template).matches()) {
      details.problem(key, "must be a Credly badge template UUID, got '" + template + "'");
      return null;
    }
    return new Action.IssueBadge(
        new BadgeTemplateId(template.toLowerCase(Locale.ROOT)),
        evidence == null
            ? null
            : io.ghlcredly.core.template.Templates.compiler(Map.of()).compile(evidence));
  }

  /** The one key of a {@code when} or action mapping, or null after reporting why not. */
  private static @Nullable String singleKind(Section section, String noun, String supported) {
    List<String> kinds = section.keys();
    kinds.forEach(section::markKnown);
    if (kinds.size() != 1) {
      String got = kinds.isEmpty() ? "none" : String.join(", ", kinds);
      section
          .context()
          .problem(
              section.path(),
              "needs exactly one " + noun + " (supported: " + supported + "), got: " + got);
      return null;
    }
    return kinds.get(0);
  }

  private static void refuseKind(
      Section section, String kind, String noun, String supported, List<String> planned) {
    if (planned.contains(kind)) {
      section.problem(kind, "not supported yet: " + kind + " (supported: " + supported + ")");
      return;
    }
    List<String> known = Stream.concat(Stream.of(supported), planned.stream()).toList();
    section.problem(
        kind,
        "unknown " + noun + KeySuggestions.hint(kind, known) + " (supported: " + supported + ")");
  }
}
