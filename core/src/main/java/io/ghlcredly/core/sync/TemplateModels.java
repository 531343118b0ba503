package io.ghlcredly.core.sync;

import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.mapping.PlannedAction;
import io.ghlcredly.core.mapping.Trigger;
import io.ghlcredly.core.port.BadgeGateway;
import io.ghlcredly.core.template.Template;
import io.ghlcredly.core.template.TemplateModel;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds what an action's templates read. A badge is described by Credly only when a template of
 * the action reads {@code badge.name} or {@code badge.url}, and once per job. Not thread-safe: one
 * per job.
 */
final class TemplateModels {
  private final BadgeGateway badges;
  private final InstantSource clock;
  private final Map<String, Optional<BadgeGateway.BadgeDetails>> described = new HashMap<>();

  TemplateModels(BadgeGateway badges, InstantSource clock) {
    this.badges = badges;
    this.clock = clock;
  }

  TemplateModel forAction(ObservedContact subject, PlannedAction planned) {
    TemplateModel model =
        TemplateModel.of(subject.contact(), subject.status(), clock.instant())
            .withRule(planned.ruleId().value());
    return switch (planned.trigger()) {
      case Trigger.TaskCreated task -> model.withTask(task(task.taskId(), task.title()));
      case Trigger.TaskCompleted task -> model.withTask(task(task.taskId(), task.title()));
      case Trigger.NoteCreated note -> model.withNote(note(note.noteId(), note.body()));
      case Trigger.BadgeEvent badge -> model.withBadge(badge(badge, readsBadgeDetails(planned)));
      default -> model;
    };
  }

  private Map<String, String> badge(Trigger.BadgeEvent badge, boolean describe) {
    Map<String, String> values = new HashMap<>();
    values.put("id", badge.badgeId());
    values.put("template", badge.templateId().value());
    if (describe) {
      described
          .computeIfAbsent(badge.badgeId(), badges::describe)
          .ifPresent(
              details -> {
                values.put("name", details.name());
                values.put("state", details.state().wireName());
                if (details.url() != null) {
                  values.put("url", details.url());
                }
              });
    }
    return values;
  }

  private static boolean readsBadgeDetails(PlannedAction planned) {
    return templates(planned.action()).stream()
        .flatMap(template -> template.variables().stream())
        .anyMatch(
            variable ->
                variable.startsWith("badge.")
                    && !variable.equals("badge.id")
                    && !variable.equals("badge.template"));
  }

  /** Every template an action renders. */
  static List<Template> templates(Action action) {
    List<Template> templates = new ArrayList<>();
    switch (action) {
      case Action.IssueBadge a -> addIfPresent(templates, a.evidence());
      case Action.RevokeBadges a -> templates.add(a.reason());
      case Action.ReplaceBadge a -> addIfPresent(templates, a.reason());
      case Action.AddTag a -> templates.add(a.tag());
      case Action.RemoveTag a -> templates.add(a.tag());
      case Action.AddNote a -> templates.add(a.body());
      case Action.CreateTask a -> {
        templates.add(a.title());
        addIfPresent(templates, a.body());
      }
      case Action.UpsertRecord a -> {}
      case Action.DeleteRecord a -> {}
      case Action.CompleteTask a -> {}
    }
    return templates;
  }

  private static void addIfPresent(
      List<Template> templates, @org.jspecify.annotations.Nullable Template template) {
    if (template != null) {
      templates.add(template);
    }
  }

  private static Map<String, String> task(
      String id, @org.jspecify.annotations.Nullable String title) {
    Map<String, String> values = new HashMap<>();
    values.put("id", id);
    if (title != null) {
      values.put("title", title);
    }
    return values;
  }

  private static Map<String, String> note(
      String id, @org.jspecify.annotations.Nullable String body) {
    Map<String, String> values = new HashMap<>();
    values.put("id", id);
    if (body != null) {
      values.put("body", body);
    }
    return values;
  }
}
