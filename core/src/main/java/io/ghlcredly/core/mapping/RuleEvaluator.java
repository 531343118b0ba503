package io.ghlcredly.core.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a contact change into the actions of the rules that fire. Pure and thread-safe. */
public final class RuleEvaluator {

  public List<PlannedAction> evaluate(RuleSet rules, ContactChange change) {
    List<PlannedAction> planned = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      if (fires(rule.when(), change)) {
        for (Action action : rule.actions()) {
          planned.add(new PlannedAction(rule.id(), action));
        }
      }
    }
    return planned;
  }

  private static boolean fires(Condition condition, ContactChange change) {
    return switch (condition) {
      case Condition.TagAdded tagAdded ->
          change.addedTags().contains(tagAdded.tag().trim().toLowerCase(Locale.ROOT));
      default -> false;
    };
  }
}
