package io.ghlcredly.core.mapping;

import java.util.List;

/** The rules in force, in configuration order. */
public record RuleSet(List<Rule> rules) {
  public RuleSet {
    rules = List.copyOf(rules);
  }

  public static RuleSet empty() {
    return new RuleSet(List.of());
  }
}
