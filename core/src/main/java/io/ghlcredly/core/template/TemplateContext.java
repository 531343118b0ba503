package io.ghlcredly.core.template;

import io.ghlcredly.core.model.Contact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link TemplateModel} into what Pebble evaluates: maps, lists and strings only, so a
 * template can never reach a Java object's methods. Absent values have no entry and render empty.
 */
final class TemplateContext {
  private TemplateContext() {}

  static Map<String, Object> of(TemplateModel model) {
    Map<String, Object> context = new HashMap<>();
    context.put("contact", contact(model.contact(), model.status()));
    context.put("badge", model.badge());
    context.put("task", model.task());
    context.put("note", model.note());
    Map<String, Object> rule = new HashMap<>();
    put(rule, "id", model.ruleId());
    context.put("rule", rule);
    context.put("now", model.now().toString());
    return context;
  }

  private static Map<String, Object> contact(@Nullable Contact contact, @Nullable String status) {
    Map<String, Object> values = new HashMap<>();
    put(values, "status", status);
    if (contact == null) {
      return values;
    }
    // Standard fields go last so an attribute of the same name cannot hide them.
    values.putAll(contact.attributes());
    values.put("customField", contact.customFields());
    values.put("id", contact.id().value());
    values.put("locationId", contact.locationId().value());
    put(values, "email", contact.email());
    put(values, "firstName", contact.firstName());
    put(values, "lastName", contact.lastName());
    values.put("name", name(contact.firstName(), contact.lastName()));
    // Contact keeps its tags in a set without a stable order; templates see them sorted.
    List<String> tags = new ArrayList<>(new TreeSet<>(contact.tags()));
    values.put("tags", List.copyOf(tags));
    if (contact.dateUpdated() != null) {
      values.put("dateUpdated", contact.dateUpdated().toString());
    }
    put(values, "status", status);
    return values;
  }

  private static String name(@Nullable String firstName, @Nullable String lastName) {
    String first = firstName == null ? "" : firstName;
    String last = lastName == null ? "" : lastName;
    return (first + " " + last).trim();
  }

  private static void put(Map<String, Object> values, String key, @Nullable String value) {
    if (value != null) {
      values.put(key, value);
    }
  }
}
