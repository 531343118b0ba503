package io.ghlcredly.app.config;

import io.ghlcredly.core.template.Templates;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which template variables a place in the configuration can read: {@code contact.*}, {@code rule.*}
 * and {@code now} in every rule, {@code badge.*}, {@code task.*} and {@code note.*} only in rules
 * whose trigger provides them, and the contact alone in the mapping.
 *
 * @param who the place, for messages ("a tag-added rule", "the contact mapping")
 * @param roots the variable roots it provides
 */
record TemplateScope(String who, Set<String> roots) {
  /** Every root a template may name ({@link Templates#knownRoots()}), in the order we show them. */
  static final List<String> KNOWN_ROOTS =
      List.of("contact", "badge", "task", "note", "rule", "now");

  /** Where a root that only some triggers provide is available, for messages. */
  private static final Map<String, String> PROVIDED_BY =
      Map.of(
          "badge", "credly-badge rules",
          "task", "task-created and task-completed rules",
          "note", "note-created rules",
          "rule", "rules",
          "contact", "every template",
          "now", "every template");

  /**
   * What {@code contact.*} holds: the standard fields (core's {@code TemplateContext}), the
   * attributes GHL returns for a contact (ghl's {@code GhlContactMapper}), the mapped {@code
   * status} and {@code customField.<id>}.
   */
  static final List<String> CONTACT_FIELDS =
      List.of(
          "id",
          "locationId",
          "email",
          "firstName",
          "lastName",
          "name",
          "tags",
          "dateUpdated",
          "status",
          "customField",
          "phone",
          "companyName",
          "source",
          "type",
          "country",
          "city",
          "state",
          "postalCode",
          "address1",
          "timezone",
          "website",
          "dateAdded",
          "dateOfBirth",
          "assignedTo");

  /** The contact mapping ({@code mapping.record}, {@code mapping.status}): the contact only. */
  static final TemplateScope MAPPING =
      new TemplateScope("the contact mapping", Set.of("contact", "now"));

  /** A rule whose trigger could not be read: its templates are not held against it. */
  static final TemplateScope UNKNOWN_TRIGGER =
      new TemplateScope("this rule", Set.copyOf(KNOWN_ROOTS));

  TemplateScope {
    roots = Set.copyOf(roots);
  }

  /** A rule triggered by {@code kind} ({@code tag-added}, {@code credly-badge}…). */
  static TemplateScope rule(String kind) {
    Set<String> roots = new LinkedHashSet<>(List.of("contact", "rule", "now"));
    switch (kind) {
      case "credly-badge" -> roots.add("badge");
      case "task-created", "task-completed" -> roots.add("task");
      case "note-created" -> roots.add("note");
      default -> {
        // Contact triggers provide the contact only.
      }
    }
    return new TemplateScope("a " + kind + " rule", roots);
  }

  /** Why the template cannot read {@code variable} here, or null when it can. */
  @Nullable String problem(String variable) {
    int dot = variable.indexOf('.');
    String root = dot < 0 ? variable : variable.substring(0, dot);
    if (!Templates.knownRoots().contains(root)) {
      String closest = KeySuggestions.closest(root, KNOWN_ROOTS);
      String hint =
          closest == null
              ? ""
              : " (did you mean '" + closest + (dot < 0 ? "" : variable.substring(dot)) + "'?)";
      return "reads unknown variable '"
          + variable
          + "'"
          + hint
          + "; variables start with "
          + String.join(", ", KNOWN_ROOTS);
    }
    if (!roots.contains(root)) {
      return "reads '"
          + variable
          + "', which "
          + who
          + " does not provide ("
          + root
          + (dot < 0 ? "" : ".*")
          + " is set only in "
          + PROVIDED_BY.get(root)
          + ")";
    }
    return "contact".equals(root) && dot >= 0 ? contactFieldProblem(variable, dot) : null;
  }

  /** Why {@code contact.<field>} is not a field GHL contacts have, or null when it is. */
  private static @Nullable String contactFieldProblem(String variable, int dot) {
    int end = variable.indexOf('.', dot + 1);
    String field = variable.substring(dot + 1, end < 0 ? variable.length() : end);
    if (CONTACT_FIELDS.contains(field)) {
      return null;
    }
    String closest = KeySuggestions.closest(field, CONTACT_FIELDS);
    return "reads '"
        + variable
        + "', a field GHL contacts do not have"
        + (closest == null
            ? ""
            : " (did you mean 'contact."
                + closest
                + (end < 0 ? "" : variable.substring(end))
                + "'?)")
        + "; contact fields: "
        + String.join(", ", CONTACT_FIELDS)
        + ", and custom fields as contact.customField.<id>";
  }
}
