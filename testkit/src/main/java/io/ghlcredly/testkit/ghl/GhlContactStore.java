package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The contacts of every emulated location, held as JSON objects shaped like {@code GET
 * /contacts/{id}}'s {@code contact}. Ids are unique across locations (as HighLevel's are), so a
 * contact is found by id alone and its location read from it; lists, searches and duplicate checks
 * stay within one location. Callers get deep copies, so nothing outside can change the state.
 * Thread-safe: every method is synchronized; webhooks are sent by the caller after the method
 * returns, never under the lock.
 */
final class GhlContactStore {
  /** HighLevel's timestamp format, for example {@code 2021-07-02T05:18:26.704Z}. */
  static final DateTimeFormatter DATE_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final InstantSource clock;
  private final Map<String, ObjectNode> contacts = new LinkedHashMap<>();

  /** Each location's contacts, in creation order: lists and searches read one location only. */
  private final Map<String, Map<String, ObjectNode>> byLocation = new HashMap<>();

  GhlContactStore(InstantSource clock) {
    this.clock = clock;
  }

  /** A 20-character alphanumeric id, like HighLevel's. */
  static String newId() {
    StringBuilder id = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return id.toString();
  }

  String now() {
    return DATE_FORMAT.format(clock.instant());
  }

  /**
   * Creates a contact in the location from validated create-body fields; returns the stored
   * contact.
   */
  synchronized ObjectNode create(String locationId, ObjectNode fields) {
    return insert(locationId, fields).deepCopy();
  }

  /** Creates many contacts at once (one lock, no copies back); returns their ids in order. */
  synchronized List<String> createAll(String locationId, List<ObjectNode> fields) {
    List<String> ids = new ArrayList<>(fields.size());
    fields.forEach(one -> ids.add(insert(locationId, one).get("id").asText()));
    return ids;
  }

  private ObjectNode insert(String locationId, ObjectNode fields) {
    String id = newId();
    String now = now();
    ObjectNode contact = GhlResponses.object().put("id", id).put("locationId", locationId);
    copyFields(fields, contact);
    contact.put("type", "lead");
    contact.put("dateAdded", now).put("dateUpdated", now);
    normalize(contact);
    // The location set last: create-body fields never move a contact to another location.
    contact.put("locationId", locationId);
    contacts.put(id, contact);
    in(locationId).put(id, contact);
    return contact;
  }

  private Map<String, ObjectNode> in(String locationId) {
    return byLocation.computeIfAbsent(locationId, location -> new LinkedHashMap<>());
  }

  synchronized Optional<ObjectNode> find(String contactId) {
    return Optional.ofNullable(contacts.get(contactId)).map(ObjectNode::deepCopy);
  }

  /** The location holding the contact, if it exists. */
  synchronized Optional<String> locationOf(String contactId) {
    return Optional.ofNullable(contacts.get(contactId))
        .map(contact -> contact.path("locationId").asText());
  }

  /** The ids of the location's contacts, in creation order. */
  synchronized List<String> ids(String locationId) {
    return List.copyOf(in(locationId).keySet());
  }

  /** The id of a contact of the location with this e-mail address (case-insensitive), if any. */
  synchronized Optional<String> findIdByEmail(String locationId, String email) {
    for (ObjectNode contact : in(locationId).values()) {
      JsonNode stored = contact.get("email");
      if (stored != null && stored.asText().equalsIgnoreCase(email)) {
        return Optional.of(contact.get("id").asText());
      }
    }
    return Optional.empty();
  }

  /** The id of a contact of the location with this phone number, if any. */
  synchronized Optional<String> findIdByPhone(String locationId, String phone) {
    for (ObjectNode contact : in(locationId).values()) {
      JsonNode stored = contact.get("phone");
      if (stored != null && stored.asText().equals(phone)) {
        return Optional.of(contact.get("id").asText());
      }
    }
    return Optional.empty();
  }

  /**
   * Runs a query over the live contacts under the lock, so a search over many contacts copies only
   * the page it answers; {@code query} must neither keep nor change the nodes it is given.
   */
  synchronized <T> T read(String locationId, Function<Collection<ObjectNode>, T> query) {
    return query.apply(Collections.unmodifiableCollection(in(locationId).values()));
  }

  /**
   * Copies of the location's contacts, oldest first ({@code dateAdded}, then id), as list paging
   * needs.
   */
  synchronized List<ObjectNode> snapshot(String locationId) {
    List<ObjectNode> all = new ArrayList<>();
    in(locationId).values().forEach(contact -> all.add(contact.deepCopy()));
    all.sort(
        java.util.Comparator.comparing((ObjectNode contact) -> contact.path("dateAdded").asText())
            .thenComparing(contact -> contact.path("id").asText()));
    return all;
  }

  /** Applies update-body fields; {@code tags} (if given) replace all tags, as HighLevel does. */
  synchronized Optional<Change> update(String contactId, ObjectNode fields) {
    ObjectNode contact = contacts.get(contactId);
    if (contact == null) {
      return Optional.empty();
    }
    List<String> before = tags(contact);
    copyFields(fields, contact);
    contact.put("dateUpdated", now());
    normalize(contact);
    return Optional.of(new Change(contact.deepCopy(), !before.equals(tags(contact))));
  }

  synchronized Optional<ObjectNode> delete(String contactId) {
    ObjectNode removed = contacts.remove(contactId);
    if (removed != null) {
      in(removed.path("locationId").asText()).remove(contactId);
    }
    return Optional.ofNullable(removed);
  }

  synchronized Optional<Change> addTags(String contactId, List<String> added) {
    return changeTags(contactId, added, true);
  }

  synchronized Optional<Change> removeTags(String contactId, List<String> removed) {
    return changeTags(contactId, removed, false);
  }

  private Optional<Change> changeTags(String contactId, List<String> given, boolean add) {
    ObjectNode contact = contacts.get(contactId);
    if (contact == null) {
      return Optional.empty();
    }
    Set<String> tags = new LinkedHashSet<>(tags(contact));
    boolean changed = add ? tags.addAll(given) : tags.removeAll(given);
    if (changed) {
      ArrayNode array = contact.putArray("tags");
      tags.forEach(array::add);
      contact.put("dateUpdated", now());
    }
    return Optional.of(new Change(contact.deepCopy(), changed));
  }

  static List<String> tags(JsonNode contact) {
    List<String> tags = new ArrayList<>();
    JsonNode array = contact.get("tags");
    if (array != null && array.isArray()) {
      array.forEach(tag -> tags.add(tag.asText()));
    }
    return tags;
  }

  private static void copyFields(ObjectNode from, ObjectNode to) {
    from.properties()
        .forEach(
            field -> {
              if (field.getKey().equals("customFields")) {
                to.set("customFields", readSideCustomFields(field.getValue()));
              } else {
                to.set(field.getKey(), field.getValue().deepCopy());
              }
            });
  }

  /** Write side {@code {id|key, field_value}} becomes read side {@code {id, value}}. */
  private static ArrayNode readSideCustomFields(JsonNode written) {
    ArrayNode result = GhlResponses.MAPPER.createArrayNode();
    if (!written.isArray()) {
      return result;
    }
    for (JsonNode item : written) {
      JsonNode id = item.has("id") ? item.get("id") : item.get("key");
      JsonNode value = item.has("field_value") ? item.get("field_value") : item.get("value");
      if (id != null) {
        ObjectNode field = result.addObject().put("id", id.asText());
        field.set("value", value == null ? null : value.deepCopy());
      }
    }
    return result;
  }

  /** Derived fields HighLevel keeps: name, lower-case copies, deduplicated tags. */
  private static void normalize(ObjectNode contact) {
    String first = text(contact, "firstName");
    String last = text(contact, "lastName");
    String full = String.join(" ", nonBlank(first, last)).trim();
    if (!full.isEmpty()) {
      contact.put("name", full);
      contact.put("fullNameLowerCase", full.toLowerCase(Locale.ROOT));
    }
    if (first != null) {
      contact.put("firstNameLowerCase", first.toLowerCase(Locale.ROOT));
    }
    if (last != null) {
      contact.put("lastNameLowerCase", last.toLowerCase(Locale.ROOT));
    }
    String email = text(contact, "email");
    if (email != null) {
      contact.put("emailLowerCase", email.toLowerCase(Locale.ROOT));
    }
    List<String> tags = tags(contact);
    ArrayNode array = contact.putArray("tags");
    new LinkedHashSet<>(tags).forEach(array::add);
    if (!contact.has("customFields")) {
      contact.putArray("customFields");
    }
  }

  private static List<String> nonBlank(@Nullable String... values) {
    List<String> present = new ArrayList<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        present.add(value);
      }
    }
    return present;
  }

  private static @Nullable String text(ObjectNode contact, String field) {
    JsonNode node = contact.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  /**
   * A contact after a change.
   *
   * @param changed whether the tags actually changed (for tag operations and updates)
   */
  record Change(ObjectNode contact, boolean changed) {}
}
