package io.ghlcredly.app.config;

import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.mapping.ContactMapping;
import io.ghlcredly.core.mapping.Rule;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.RuleId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds {@code rules:}, a list of {@code {id, when, do}}, with the {@code mapping:} they work with.
 * Conditions are in {@link ConditionBinder}, actions in {@link ActionBinder}; every template is
 * compiled and checked against what the rule's trigger provides.
 */
final class RulesBinder {
  private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private RulesBinder() {}

  /** The rules that are valid; problems with the others are reported to the context. */
  static RuleSet bind(Section root, ContactMapping mapping, RuleContext context) {
    List<Rule> rules = new ArrayList<>();
    Map<String, String> idPaths = new HashMap<>();
    for (Section section : root.sections("rules")) {
      int before = section.context().problemCount();
      refuseAliases(section);
      String id = id(section, idPaths);
      ConditionBinder.Bound when = ConditionBinder.bind(section, context);
      TemplateScope scope =
          when == null ? TemplateScope.UNKNOWN_TRIGGER : TemplateScope.rule(when.kind());
      List<Action> actions = new ActionBinder(context, scope).bind(section);
      if (when != null && section.context().problemCount() == before) {
        rules.add(new Rule(new RuleId(id), when.condition(), actions));
      }
    }
    return new RuleSet(rules, mapping);
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
}
