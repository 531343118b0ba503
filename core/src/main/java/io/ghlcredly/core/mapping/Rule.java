package io.ghlcredly.core.mapping;

import io.ghlcredly.core.model.RuleId;
import java.util.List;

/** One rule of the configuration: when the condition holds, do the actions in order. */
public record Rule(RuleId id, Condition when, List<Action> actions) {
  public Rule {
    actions = List.copyOf(actions);
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("rule " + id + " has no action");
    }
  }
}
