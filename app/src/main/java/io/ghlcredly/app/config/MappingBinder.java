package io.ghlcredly.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.app.config.CredlyConfig.Records;
import io.ghlcredly.core.mapping.ContactMapping;
import io.ghlcredly.core.template.Template;
import io.ghlcredly.credly.CredlyCredentialRecords;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Binds {@code mapping:}: how a GHL contact becomes a Credly employee record ({@code record}, keys
 * in kebab case, stored by Credly's snake_case names), what "status" means ({@code status}), and
 * the tables of the {@code lookup('<table>')} filter ({@code lookups}).
 */
final class MappingBinder {
  /**
   * Employee fields Credly's Workforce API accepts, in kebab case: the four every record has, then
   * the attributes the Credly connector can send (one list, so configuration and calls agree).
   */
  static final List<String> RECORD_FIELDS =
      Stream.concat(
              Stream.of("external-id", "email", "first-name", "last-name"),
              CredlyCredentialRecords.supportedFields().stream()
                  .sorted()
                  .map(name -> name.replace('_', '-')))
          .toList();

  /** Names other systems use for a Credly field; edit distance would not find these. */
  private static final Map<String, String> ALIASES =
      Map.of("job-title", "position-title", "title", "position-title", "id", "external-id");

  private static final List<String> REQUIRED_FOR_EMPLOYEES = List.of("external-id", "email");
  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private MappingBinder() {}

  /** {@code mapping.lookups}: table name → (value in → value out). */
  static Map<String, Map<String, String>> lookups(Section mapping) {
    Section lookups = mapping.dataChild("lookups");
    Map<String, Map<String, String>> tables = new LinkedHashMap<>();
    for (String name : lookups.keys()) {
      Section table = lookups.dataChild(name);
      Map<String, String> entries = new LinkedHashMap<>();
      for (String in : table.keys()) {
        JsonNode value = table.raw(in);
        Section.Scalar out = value == null ? null : table.scalarOf(table.pathOf(in), value);
        if (out != null) {
          entries.put(in, out.text());
        } else if (value == null) {
          table.problem(in, "must not be blank");
        }
      }
      tables.put(name, Map.copyOf(entries));
    }
    return tables;
  }

  /**
   * The contact mapping.
   *
   * @param records {@code credly.records}, or null when it could not be read
   */
  static ContactMapping bind(Section mapping, TemplateReader templates, @Nullable Records records) {
    Map<String, Template> record = record(mapping, templates, records);
    Template status = templates.optional(mapping, "status", TemplateScope.MAPPING);
    if (status != null && status.variables().contains("contact.status")) {
      mapping.problem("status", "cannot read contact.status, the value it defines");
      status = null;
    }
    return new ContactMapping(record, status);
  }

  private static Map<String, Template> record(
      Section mapping, TemplateReader templates, @Nullable Records records) {
    Section section = mapping.dataChild("record");
    Map<String, Template> record = new LinkedHashMap<>();
    for (String key : section.keys()) {
      section.markKnown(key);
      if (!fieldName(section, key)) {
        continue;
      }
      Template template =
          templates.required(
              section, key, " (a template such as {{contact.email}})", TemplateScope.MAPPING);
      if (template != null) {
        record.put(key.replace('-', '_'), template);
      }
    }
    if (records == Records.EMPLOYEES) {
      for (String required : REQUIRED_FOR_EMPLOYEES) {
        if (!section.keys().contains(required)) {
          section.problem(
              required,
              "is required when credly.records is employees (Credly keys employees by it)");
        }
      }
    }
    return record;
  }

  /** Whether {@code key} names a Credly employee field; reports why not. */
  private static boolean fieldName(Section record, String key) {
    if (!KEBAB.matcher(key).matches()) {
      record.problem(
          key,
          "must be written in kebab case: '"
              + key.toLowerCase(Locale.ROOT).replace('_', '-')
              + "'");
      return false;
    }
    if (RECORD_FIELDS.contains(key)) {
      return true;
    }
    String alias = ALIASES.get(key);
    String hint =
        alias != null
            ? " (did you mean '" + alias + "'?)"
            : KeySuggestions.hint(key, RECORD_FIELDS);
    record.problem(key, "unknown Credly employee field" + hint);
    return false;
  }
}
