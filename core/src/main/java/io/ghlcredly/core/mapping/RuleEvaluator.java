package io.ghlcredly.core.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Matches a job's triggers against the rules. Rules fire in configuration order, once per matching
 * trigger. Pure and thread-safe.
 */
public final class RuleEvaluator {

  public List<PlannedAction> evaluate(RuleSet rules, List<Trigger> triggers) {
    List<PlannedAction> planned = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      for (Trigger trigger : triggers) {
        if (matches(rule.when(), trigger)) {
          for (int i = 0; i < rule.actions().size(); i++) {
            planned.add(new PlannedAction(rule.id(), rule.actions().get(i), trigger, i));
          }
        }
      }
    }
    return planned;
  }

  /** Whether the condition holds for the trigger. */
  public static boolean matches(Condition condition, Trigger trigger) {
    return switch (condition) {
      case Condition.ContactCreated c -> trigger instanceof Trigger.ContactCreated;
      case Condition.ContactUpdated c -> trigger instanceof Trigger.ContactUpdated;
      case Condition.ContactDeleted c -> trigger instanceof Trigger.ContactDeleted;
      case Condition.TagAdded c ->
          trigger instanceof Trigger.TagAdded added && added.tag().equals(normalTag(c.tag()));
      case Condition.TagRemoved c ->
          trigger instanceof Trigger.TagRemoved removed && removed.tag().equals(normalTag(c.tag()));
      case Condition.FieldChanged c ->
          trigger instanceof Trigger.FieldChanged changed
              && changed.field().equals(c.field())
              && (c.from() == null || sameValue(c.from(), changed.from()))
              && (c.to() == null || sameValue(c.to(), changed.to()));
      case Condition.TaskCreated c ->
          trigger instanceof Trigger.TaskCreated created
              && titleMatches(c.title(), created.title());
      case Condition.TaskCompleted c ->
          trigger instanceof Trigger.TaskCompleted completed
              && titleMatches(c.title(), completed.title());
      case Condition.NoteCreated c ->
          trigger instanceof Trigger.NoteCreated note && bodyMatches(c.bodyContains(), note.body());
      case Condition.CredlyBadge c ->
          trigger instanceof Trigger.BadgeEvent badge
              && badge.kind() == c.kind()
              && (c.template() == null || c.template().equals(badge.templateId()));
    };
  }

  /** Tags compare trimmed and case-insensitively, as GHL treats them. */
  public static String normalTag(String tag) {
    return tag.trim().toLowerCase(Locale.ROOT);
  }

  private static boolean sameValue(String wanted, @Nullable String actual) {
    return actual != null && actual.trim().equalsIgnoreCase(wanted.trim());
  }

  private static boolean titleMatches(TitlePattern pattern, @Nullable String title) {
    return title == null ? pattern.glob().trim().equals("*") : pattern.matches(title);
  }

  private static boolean bodyMatches(@Nullable String wanted, @Nullable String body) {
    if (wanted == null) {
      return true;
    }
    return body != null && body.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
  }
}
