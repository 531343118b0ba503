package io.ghlcredly.core.sync;

import io.ghlcredly.core.mapping.Condition;
import io.ghlcredly.core.mapping.RuleEvaluator;
import io.ghlcredly.core.mapping.Trigger;
import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.model.SyncEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns a job's pending events and the contact's change since the last snapshot into triggers.
 * Pure.
 */
final class TriggerCollector {
  private TriggerCollector() {}

  /**
   * The triggers of one job.
   *
   * @param changedTo the contact as it is now, when the job has a contact change to apply (null
   *     when there is none, or when what was read is older than what was applied)
   * @param deleted whether the contact was deleted (a deletion event, and GHL no longer has it)
   * @param noteBodies bodies of created notes by note id, where they were read
   */
  static List<Trigger> collect(
      List<SyncEvent> events,
      Optional<ContactSnapshot> before,
      @Nullable ObservedContact changedTo,
      boolean deleted,
      Map<String, String> noteBodies) {
    List<Trigger> triggers = new ArrayList<>();
    if (changedTo != null) {
      Instant version = changedTo.contact().dateUpdated();
      if (events.stream().anyMatch(SyncEvent.ContactCreated.class::isInstance)) {
        triggers.add(new Trigger.ContactCreated());
      }
      triggers.add(new Trigger.ContactUpdated(version));
      tagChanges(before, changedTo, version, triggers);
      fieldChanges(before, changedTo, version, triggers);
    }
    if (deleted) {
      triggers.add(new Trigger.ContactDeleted());
    }
    for (SyncEvent event : events) {
      switch (event) {
        case SyncEvent.TaskCreated task ->
            triggers.add(new Trigger.TaskCreated(task.taskId(), task.title()));
        case SyncEvent.TaskCompleted task ->
            triggers.add(new Trigger.TaskCompleted(task.taskId(), task.title()));
        case SyncEvent.NoteCreated note ->
            triggers.add(new Trigger.NoteCreated(note.noteId(), noteBodies.get(note.noteId())));
        case SyncEvent.BadgeChanged badge ->
            badgeKind(badge)
                .ifPresent(
                    kind ->
                        triggers.add(
                            new Trigger.BadgeEvent(kind, badge.badgeId(), badge.templateId())));
        default -> {}
      }
    }
    return triggers;
  }

  private static void tagChanges(
      Optional<ContactSnapshot> before,
      ObservedContact after,
      @Nullable Instant version,
      List<Trigger> triggers) {
    Set<String> now = normal(after.contact().tags());
    Set<String> then = before.map(snapshot -> normal(snapshot.tags())).orElseGet(TreeSet::new);
    for (String tag : now) {
      if (!then.contains(tag)) {
        triggers.add(new Trigger.TagAdded(tag, version));
      }
    }
    for (String tag : then) {
      if (!now.contains(tag)) {
        triggers.add(new Trigger.TagRemoved(tag, version));
      }
    }
  }

  private static void fieldChanges(
      Optional<ContactSnapshot> before,
      ObservedContact after,
      @Nullable Instant version,
      List<Trigger> triggers) {
    // A snapshot from before fields were kept knows no values: every field would look new, so
    // such a contact's first job only records them.
    if (before.isPresent() && before.get().fields().isEmpty()) {
      return;
    }
    Map<String, String> then = before.map(ContactSnapshot::fields).orElse(Map.of());
    Map<String, String> now = after.fields();
    Set<String> names = new TreeSet<>(now.keySet());
    names.addAll(then.keySet());
    for (String name : names) {
      String from = then.get(name);
      String to = now.get(name);
      if (!Objects.equals(from, to)) {
        triggers.add(new Trigger.FieldChanged(name, from, to, version));
      }
    }
  }

  private static Set<String> normal(Set<String> tags) {
    Set<String> normal = new TreeSet<>();
    tags.forEach(tag -> normal.add(RuleEvaluator.normalTag(tag)));
    return normal;
  }

  private static Optional<Condition.BadgeEventKind> badgeKind(SyncEvent.BadgeChanged badge) {
    return switch (badge.change()) {
      case CREATED -> Optional.of(Condition.BadgeEventKind.CREATED);
      case DELETED -> Optional.of(Condition.BadgeEventKind.DELETED);
      case STATE_CHANGED -> stateKind(badge.state());
    };
  }

  private static Optional<Condition.BadgeEventKind> stateKind(BadgeState state) {
    return switch (state) {
      case ACCEPTED -> Optional.of(Condition.BadgeEventKind.ACCEPTED);
      case REJECTED -> Optional.of(Condition.BadgeEventKind.REJECTED);
      case REVOKED -> Optional.of(Condition.BadgeEventKind.REVOKED);
      case EXPIRED -> Optional.of(Condition.BadgeEventKind.EXPIRED);
      case DELETED -> Optional.of(Condition.BadgeEventKind.DELETED);
      case PENDING -> Optional.empty();
    };
  }
}
