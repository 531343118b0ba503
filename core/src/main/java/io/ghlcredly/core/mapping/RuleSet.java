package io.ghlcredly.core.mapping;

import java.util.List;

/** The rules in force, in configuration order, with the contact mapping they work with. */
public record RuleSet(List<Rule> rules, ContactMapping mapping) {
  public RuleSet {
    rules = List.copyOf(rules);
  }

  /** Rules without a mapping. */
  public RuleSet(List<Rule> rules) {
    this(rules, ContactMapping.none());
  }

  public static RuleSet empty() {
    return new RuleSet(List.of());
  }
}
