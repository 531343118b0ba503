package io.ghlcredly.core.sync;

import io.ghlcredly.core.error.MappingException;
import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.port.CrmWriter;
import io.ghlcredly.core.template.Template;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The write-back actions: tags, notes and tasks on the GHL contact. Tags are idempotent in GHL;
 * notes and tasks are not, so a retry of an attempt with an unknown outcome looks for what it would
 * create before creating it. Thread-safe.
 */
final class CrmActions {
  private final CrmWriter writer;
  private final InstantSource clock;

  CrmActions(CrmWriter writer, InstantSource clock) {
    this.writer = writer;
    this.clock = clock;
  }

  ActionResult addTag(ActionContext context, Action.AddTag action) {
    String tag = required(context, action.tag(), "tag");
    writer.addTags(context.locationId(), context.contactId(), List.of(tag));
    return ActionResult.of("tag added");
  }

  ActionResult removeTag(ActionContext context, Action.RemoveTag action) {
    String tag = required(context, action.tag(), "tag");
    writer.removeTags(context.locationId(), context.contactId(), List.of(tag));
    return ActionResult.of("tag removed");
  }

  ActionResult addNote(ActionContext context, Action.AddNote action) {
    String body = required(context, action.body(), "note");
    if (context.retry()) {
      Optional<CrmWriter.CrmNote> existing =
          writer.listNotes(context.locationId(), context.contactId()).stream()
              .filter(note -> note.body().equals(body))
              .findFirst();
      if (existing.isPresent()) {
        return new ActionResult("note already added", existing.get().id());
      }
    }
    return new ActionResult(
        "note added", writer.addNote(context.locationId(), context.contactId(), body));
  }

  ActionResult createTask(ActionContext context, Action.CreateTask action) {
    String title = required(context, action.title(), "task title");
    if (context.retry()) {
      Optional<CrmWriter.CrmTask> existing =
          writer.listTasks(context.locationId(), context.contactId()).stream()
              .filter(task -> task.title().equals(title))
              .findFirst();
      if (existing.isPresent()) {
        return new ActionResult("task already created", existing.get().id());
      }
    }
    Template bodyTemplate = action.body();
    String body = bodyTemplate == null ? null : context.render(bodyTemplate);
    String taskId =
        writer.createTask(
            context.locationId(),
            context.contactId(),
            new CrmWriter.NewTask(title, body, clock.instant().plus(action.dueIn())));
    return new ActionResult("task created", taskId);
  }

  ActionResult completeTasks(ActionContext context, Action.CompleteTask action) {
    List<CrmWriter.CrmTask> open =
        writer.listTasks(context.locationId(), context.contactId()).stream()
            .filter(task -> !task.completed() && action.title().matches(task.title()))
            .toList();
    for (CrmWriter.CrmTask task : open) {
      writer.completeTask(context.locationId(), context.contactId(), task.id());
    }
    if (open.isEmpty()) {
      return ActionResult.of("no open task matched");
    }
    return new ActionResult(
        "completed " + open.size() + (open.size() == 1 ? " task" : " tasks"),
        String.join(",", open.stream().map(CrmWriter.CrmTask::id).toList()));
  }

  private static String required(ActionContext context, Template template, String what) {
    String text = context.render(template).trim();
    if (text.isEmpty()) {
      throw new MappingException(
          context.planned().ruleId().value(),
          what + " template '" + template.source() + "' rendered empty for " + context.contactId());
    }
    return text;
  }
}
