package io.ghlcredly.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.ghl.api.GhlContact;
import io.ghlcredly.ghl.api.GhlContactSummary;
import io.ghlcredly.ghl.api.GhlCustomField;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps HighLevel's wire contacts to the domain {@link Contact}: the full contact of {@code GET
 * /contacts/{id}} and the item of a list or search page, which carries fewer standard fields (only
 * those present become attributes). Custom field values become text: strings as they are, numbers
 * in plain notation, arrays joined with {@code ", "}, objects (file fields) as compact JSON. Null
 * and empty values count as absent, so a field GHL sends as {@code ""} in one answer and leaves out
 * of another never looks like a change. Stateless, thread-safe.
 */
final class GhlContactMapper {
  private static final Logger log = LoggerFactory.getLogger(GhlContactMapper.class);

  private GhlContactMapper() {}

  /**
   * The contact of {@code GET /contacts/{id}}.
   *
   * @param requested the id asked for, used when the answer leaves its own id out
   * @throws ApiException when the answer has no locationId (a glitch: retried)
   */
  static Contact toDomain(ContactId requested, GhlContact contact) {
    String location = contact.locationId();
    if (location == null || location.isBlank()) {
      throw new ApiException(
          GhlClient.CONNECTOR,
          "GET",
          "/contacts/{contactId}",
          200,
          ApiException.Kind.TRANSIENT,
          "contact " + requested + " has no locationId",
          null,
          null);
    }
    String id = contact.id();
    ContactId contactId = id == null || id.isBlank() ? requested : new ContactId(id);
    Map<String, String> attributes = new LinkedHashMap<>();
    put(attributes, "phone", contact.phone());
    put(attributes, "companyName", contact.companyName());
    put(attributes, "source", contact.source());
    put(attributes, "type", contact.type());
    put(attributes, "country", contact.country());
    put(attributes, "city", contact.city());
    put(attributes, "state", contact.state());
    put(attributes, "postalCode", contact.postalCode());
    put(attributes, "address1", contact.address1());
    put(attributes, "timezone", contact.timezone());
    put(attributes, "website", contact.website());
    put(attributes, "dateAdded", contact.dateAdded());
    put(attributes, "dateOfBirth", contact.dateOfBirth());
    put(attributes, "assignedTo", contact.assignedTo());
    return new Contact(
        contactId,
        new LocationId(location),
        contact.email(),
        contact.firstName(),
        contact.lastName(),
        new LinkedHashSet<>(contact.tags()),
        instant(contactId, contact.dateUpdated()),
        attributes,
        customFields(contact.customFields()));
  }

  /**
   * An item of a list or search page, or empty when it has no id (logged, skipped).
   *
   * @param location the location asked about, used when the item leaves its own out
   */
  static Optional<Contact> toDomain(LocationId location, GhlContactSummary summary) {
    String id = summary.id();
    if (id == null || id.isBlank()) {
      log.atWarn().addKeyValue("locationId", location).log("contact without id skipped");
      return Optional.empty();
    }
    ContactId contactId = new ContactId(id);
    String itemLocation = summary.locationId();
    Map<String, String> attributes = new LinkedHashMap<>();
    put(attributes, "phone", summary.phone());
    put(attributes, "companyName", summary.companyName());
    put(attributes, "source", summary.source());
    put(attributes, "type", summary.type());
    put(attributes, "country", summary.country());
    put(attributes, "timezone", summary.timezone());
    put(attributes, "dateAdded", summary.dateAdded());
    return Optional.of(
        new Contact(
            contactId,
            itemLocation == null || itemLocation.isBlank()
                ? location
                : new LocationId(itemLocation),
            summary.email(),
            summary.firstName(),
            summary.lastName(),
            new LinkedHashSet<>(summary.tags()),
            instant(contactId, summary.dateUpdated()),
            attributes,
            customFields(summary.customFields())));
  }

  /** Custom field values by id, as text; fields without id or value are left out. */
  static Map<String, String> customFields(List<GhlCustomField> fields) {
    Map<String, String> values = new LinkedHashMap<>();
    for (GhlCustomField field : fields) {
      String id = field.id();
      JsonNode value = field.value();
      if (id != null && !id.isBlank() && value != null) {
        put(values, id, text(value));
      }
    }
    return values;
  }

  /** One value as text; null (and JSON null) for no value. */
  static @Nullable String text(JsonNode value) {
    if (value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isNumber()) {
      // Plain notation: 1e3 reads "1000", 12.50 reads "12.5".
      return value.decimalValue().stripTrailingZeros().toPlainString();
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : value) {
        String text = text(item);
        if (text != null && !text.isEmpty()) {
          items.add(text);
        }
      }
      return String.join(", ", items);
    }
    // Objects (file fields) as compact JSON; booleans as true/false.
    return value.isObject() ? value.toString() : value.asText();
  }

  private static void put(Map<String, String> values, String name, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      values.put(name, value);
    }
  }

  private static @Nullable Instant instant(ContactId contactId, @Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      log.atWarn()
          .addKeyValue("contactId", contactId)
          .addKeyValue("dateUpdated", text)
          .log("unreadable dateUpdated from HighLevel; treating as unknown");
      return null;
    }
  }
}
