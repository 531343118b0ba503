package io.ghlcredly.storage.internal;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Contact} as a JSON object and back, for the inbox's {@code contact_json} column. Every
 * field is kept, so that the decoded contact equals the encoded one; {@code dateUpdated} is an
 * ISO-8601 instant at full precision. Thread-safe (stateless).
 */
public final class ContactJson {
  private ContactJson() {}

  public static String encode(Contact contact) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("id", contact.id().value());
    fields.put("locationId", contact.locationId().value());
    fields.put("email", contact.email());
    fields.put("firstName", contact.firstName());
    fields.put("lastName", contact.lastName());
    fields.put("tags", new TreeSet<>(contact.tags()));
    Instant dateUpdated = contact.dateUpdated();
    fields.put("dateUpdated", dateUpdated == null ? null : dateUpdated.toString());
    fields.put("attributes", contact.attributes());
    fields.put("customFields", contact.customFields());
    return Json.write(fields);
  }

  /**
   * Decodes what {@link #encode} wrote.
   *
   * @throws IllegalArgumentException when the text is not such an object
   */
  public static Contact decode(String json) {
    if (!(Json.parse(json) instanceof Map<?, ?> fields)) {
      throw new IllegalArgumentException("a stored contact is not a JSON object");
    }
    String dateUpdated = optional(fields, "dateUpdated");
    return new Contact(
        new ContactId(required(fields, "id")),
        new LocationId(required(fields, "locationId")),
        optional(fields, "email"),
        optional(fields, "firstName"),
        optional(fields, "lastName"),
        new TreeSet<>(Json.stringList(fields.get("tags"), "tags")),
        dateUpdated == null ? null : Instant.parse(dateUpdated),
        Json.stringMap(fields.get("attributes"), "attributes"),
        Json.stringMap(fields.get("customFields"), "customFields"));
  }

  private static String required(Map<?, ?> fields, String name) {
    String value = optional(fields, name);
    if (value == null) {
      throw new IllegalArgumentException("a stored contact has no " + name);
    }
    return value;
  }

  private static @Nullable String optional(Map<?, ?> fields, String name) {
    Object value = fields.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException("a stored contact's " + name + " is not a string");
  }
}
