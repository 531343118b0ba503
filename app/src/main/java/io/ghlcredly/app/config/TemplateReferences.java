package io.ghlcredly.app.config;

import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.mapping.Condition;
import io.ghlcredly.core.mapping.Rule;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.BadgeTemplateId;
import java.util.ArrayList;
import java.util.List;

/**
 * The Credly badge templates a rule set names, each with the YAML path that names it, for checks
 * against Credly ({@code config check}).
 */
public final class TemplateReferences {
  /** One mention of a template, such as {@code rules[2].do[0].issue-badge}. */
  public record Reference(String path, BadgeTemplateId templateId) {}

  private TemplateReferences() {}

  /**
   * Every mention, in file order. Paths count rules and actions as the rule set holds them, which
   * is the file's order when the file has no problem.
   */
  public static List<Reference> of(RuleSet rules) {
    return of(rules, "");
  }

  /**
   * Every mention, with paths under {@code prefix} (a workspace's, such as {@code workspaces[1].}).
   */
  public static List<Reference> of(RuleSet rules, String prefix) {
    List<Reference> references = new ArrayList<>();
    for (int index = 0; index < rules.rules().size(); index++) {
      Rule rule = rules.rules().get(index);
      String path = prefix + "rules[" + index + "]";
      if (rule.when() instanceof Condition.CredlyBadge badge && badge.template() != null) {
        references.add(new Reference(path + ".when.credly-badge.template", badge.template()));
      }
      for (int step = 0; step < rule.actions().size(); step++) {
        add(references, path + ".do[" + step + "]", rule.actions().get(step));
      }
    }
    return List.copyOf(references);
  }

  private static void add(List<Reference> references, String path, Action action) {
    switch (action) {
      case Action.IssueBadge issue ->
          references.add(new Reference(path + ".issue-badge", issue.templateId()));
      case Action.RevokeBadges revoke -> {
        if (revoke.templateId() != null) {
          references.add(new Reference(path + ".revoke-badges.template", revoke.templateId()));
        }
      }
      case Action.ReplaceBadge replace -> {
        references.add(new Reference(path + ".replace-badge.from", replace.from()));
        references.add(new Reference(path + ".replace-badge.to", replace.to()));
      }
      case Action.UpsertRecord a -> {}
      case Action.DeleteRecord a -> {}
      case Action.AddTag a -> {}
      case Action.RemoveTag a -> {}
      case Action.AddNote a -> {}
      case Action.CreateTask a -> {}
      case Action.CompleteTask a -> {}
    }
  }
}
