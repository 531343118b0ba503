package io.ghlcredly.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A CRM contact as the engine sees it: the fields rules, mappings and badges need.
 *
 * @param attributes the other standard fields GHL returns, by their GHL name ({@code phone}, {@code
 *     companyName}, {@code source}, {@code dateAdded}…), as text; absent when GHL left them out
 * @param customFields custom field values by custom field id, as text (lists joined with ", ")
 */
public record Contact(
    ContactId id,
    LocationId locationId,
    @Nullable String email,
    @Nullable String firstName,
    @Nullable String lastName,
    Set<String> tags,
    @Nullable Instant dateUpdated,
    Map<String, String> attributes,
    Map<String, String> customFields) {

  /** The prefix of custom fields in {@link #fieldValues()} and in templates. */
  public static final String CUSTOM_FIELD_PREFIX = "customField.";

  public Contact {
    tags = Set.copyOf(new TreeSet<>(tags));
    attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    customFields = Collections.unmodifiableMap(new TreeMap<>(customFields));
  }

  /** A contact with only the fields the first engine version used. */
  public Contact(
      ContactId id,
      LocationId locationId,
      @Nullable String email,
      @Nullable String firstName,
      @Nullable String lastName,
      Set<String> tags,
      @Nullable Instant dateUpdated) {
    this(id, locationId, email, firstName, lastName, tags, dateUpdated, Map.of(), Map.of());
  }

  /**
   * Every scalar field by the name rules use: {@code email}, {@code firstName}, {@code lastName},
   * the attributes, and {@code customField.<id>}. Absent fields have no entry. Tags are not in it
   * (rules see them as tag changes).
   */
  public Map<String, String> fieldValues() {
    Map<String, String> values = new LinkedHashMap<>();
    put(values, "email", email);
    put(values, "firstName", firstName);
    put(values, "lastName", lastName);
    attributes.forEach((name, value) -> put(values, name, value));
    customFields.forEach((fieldId, value) -> put(values, CUSTOM_FIELD_PREFIX + fieldId, value));
    return values;
  }

  private static void put(Map<String, String> values, String name, @Nullable String value) {
    if (value != null) {
      values.put(name, value);
    }
  }

  /** A short form for logs: the id only, never the person's data. */
  public String logId() {
    return "contact " + id;
  }
}
