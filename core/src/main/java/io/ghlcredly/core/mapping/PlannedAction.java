package io.ghlcredly.core.mapping;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.RuleId;

/**
 * An action a rule wants done because of a trigger.
 *
 * @param index the action's position in the rule, so two equal actions of one rule stay apart
 */
public record PlannedAction(RuleId ruleId, Action action, Trigger trigger, int index) {

  /** The journal key: one entry per contact, rule, action and occurrence of the trigger. */
  public String key(ContactId contactId) {
    return contactId + "|" + ruleId + "|" + index + "|" + trigger.key();
  }
}
