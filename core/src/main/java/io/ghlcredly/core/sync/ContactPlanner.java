package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import java.util.List;

/**
 * Tells what the engine would do for a contact as the CRM has it now, against what was last
 * applied, without writing anywhere: the heart of {@code plan} and of an import's dry run.
 */
public interface ContactPlanner {
  Plan plan(Contact current);

  /** What would be done for one contact. */
  record Plan(ContactId contactId, List<Step> steps) {
    public Plan {
      steps = List.copyOf(steps);
    }
  }

  /**
   * One thing that would be done.
   *
   * @param ruleId the rule that asks for it, or {@code mapping} for the record upsert
   * @param action the action's configuration name, such as {@code issue-badge}
   * @param reason the trigger, such as {@code tag 'course-101-complete' added}
   * @param detail what exactly: the template, the rendered note, the record fields that changed
   */
  record Step(String ruleId, String action, String reason, String detail) {}
}
