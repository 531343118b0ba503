package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * A contact to seed with {@link GhlEmulator#seedContacts}: starts as {@code Contact <n>}, e-mail
 * {@code contact-<n>@example.com}, source {@code ghl-emulator}, and takes any standard field a
 * create body may carry, tags and custom field values. Not thread-safe (one per contact).
 */
public final class SeedContact {
  /**
   * The standard fields of a create body ({@code CreateContactDto}) besides tags and custom fields.
   */
  private static final Set<String> STANDARD_FIELDS =
      Set.of(
          "firstName",
          "lastName",
          "name",
          "email",
          "phone",
          "address1",
          "city",
          "state",
          "postalCode",
          "website",
          "timezone",
          "source",
          "dateOfBirth",
          "country",
          "assignedTo",
          "companyName",
          "gender");

  private final ObjectNode fields = GhlResponses.object();

  SeedContact(int number) {
    fields
        .put("firstName", "Contact")
        .put("lastName", Integer.toString(number))
        .put("email", "contact-" + number + "@example.com")
        .put("source", "ghl-emulator");
    fields.putArray("tags");
    fields.putArray("customFields");
  }

  /**
   * Sets a standard field, such as {@code phone}, {@code companyName} or {@code city}.
   *
   * @throws IllegalArgumentException for a name a create body cannot carry
   */
  public SeedContact field(String name, String value) {
    if (!STANDARD_FIELDS.contains(name)) {
      throw new IllegalArgumentException("not a standard contact field: " + name);
    }
    fields.put(name, value);
    return this;
  }

  /** Adds tags. */
  public SeedContact tags(String... tags) {
    ArrayNode array = (ArrayNode) fields.get("tags");
    for (String tag : tags) {
      array.add(tag);
    }
    return this;
  }

  /**
   * Sets a custom field's value as HighLevel reads it back ({@code {id, value}}): a string, a
   * number, a list (multi-select, checkbox) or a map (file fields).
   */
  public SeedContact customField(String id, Object value) {
    JsonNode node = GhlResponses.MAPPER.valueToTree(value);
    ((ArrayNode) fields.get("customFields")).addObject().put("id", id).set("value", node);
    return this;
  }

  ObjectNode fields() {
    return fields;
  }
}
