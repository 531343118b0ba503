package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The fields each answer of apps/contacts.json carries: a stored contact holds more (the write-only
 * {@code gender}, {@code inboundDndSettings}), and HighLevel answers each endpoint with its own
 * schema's fields.
 */
final class GhlShapes {
  /** {@code GetContectByIdSchema} (sic): get, update, upsert, duplicate. */
  static final List<String> CONTACT =
      List.of(
          "id",
          "name",
          "locationId",
          "firstName",
          "lastName",
          "email",
          "emailLowerCase",
          "timezone",
          "companyName",
          "phone",
          "dnd",
          "dndSettings",
          "type",
          "source",
          "assignedTo",
          "address1",
          "city",
          "state",
          "country",
          "postalCode",
          "website",
          "tags",
          "dateOfBirth",
          "dateAdded",
          "dateUpdated",
          "firstNameLowerCase",
          "fullNameLowerCase",
          "lastNameLowerCase",
          "customFields",
          "businessId");

  /** {@code CreateContactSchema}: the 201 of create. */
  static final List<String> CREATED_CONTACT =
      List.of(
          "id",
          "dateAdded",
          "dateUpdated",
          "tags",
          "type",
          "customFields",
          "locationId",
          "firstName",
          "firstNameLowerCase",
          "fullNameLowerCase",
          "lastName",
          "lastNameLowerCase",
          "email",
          "emailLowerCase",
          "dnd",
          "dndSettings",
          "phone",
          "address1",
          "city",
          "state",
          "country",
          "postalCode",
          "website",
          "source",
          "companyName",
          "dateOfBirth",
          "businessId",
          "assignedTo");

  /**
   * List and search items: {@code ContactsSearchSchema} plus the fields real answers carry and the
   * spec omits (names, phone, companyName, type, dateUpdated).
   */
  static final List<String> SUMMARY =
      List.of(
          "id",
          "locationId",
          "email",
          "firstName",
          "lastName",
          "phone",
          "companyName",
          "timezone",
          "country",
          "source",
          "type",
          "dateAdded",
          "dateUpdated",
          "customFields",
          "tags",
          "businessId");

  private GhlShapes() {}

  static ObjectNode pick(JsonNode from, List<String> fields) {
    ObjectNode picked = GhlResponses.object();
    for (String field : fields) {
      JsonNode value = from.get(field);
      if (value != null && !value.isNull()) {
        picked.set(field, value.deepCopy());
      }
    }
    return picked;
  }
}
