package io.ghlcredly.core.template;

import io.ghlcredly.core.model.Contact;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a template can read: {@code contact.*} (the contact's fields, {@code tags}, {@code
 * customField.<id>} and the mapped {@code status}), {@code badge.*} ({@code id}, {@code name},
 * {@code url}, {@code template}, {@code state}), {@code task.*} ({@code id}, {@code title}), {@code
 * note.*} ({@code id}, {@code body}), {@code rule.id} and {@code now}. Immutable.
 */
public record TemplateModel(
    @Nullable Contact contact,
    @Nullable String status,
    Map<String, String> badge,
    Map<String, String> task,
    Map<String, String> note,
    @Nullable String ruleId,
    Instant now) {
  public TemplateModel {
    badge = Map.copyOf(badge);
    task = Map.copyOf(task);
    note = Map.copyOf(note);
  }

  /** A model with the contact only. */
  public static TemplateModel of(@Nullable Contact contact, @Nullable String status, Instant now) {
    return new TemplateModel(contact, status, Map.of(), Map.of(), Map.of(), null, now);
  }

  public TemplateModel withBadge(Map<String, String> values) {
    return new TemplateModel(contact, status, values, task, note, ruleId, now);
  }

  public TemplateModel withTask(Map<String, String> values) {
    return new TemplateModel(contact, status, badge, values, note, ruleId, now);
  }

  public TemplateModel withNote(Map<String, String> values) {
    return new TemplateModel(contact, status, badge, task, values, ruleId, now);
  }

  public TemplateModel withRule(String id) {
    return new TemplateModel(contact, status, badge, task, note, id, now);
  }
}
