package io.ghlcredly.testkit.ghl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What each location defines beside its contacts: tags created on their own, custom fields,
 * workflows, campaigns and users. A tag keeps one id per location once it has been seen (HighLevel
 * creates the location's tag the first time a contact gets it). Thread-safe (synchronized).
 */
final class EmulatedLocationCatalog {
  /** One custom field of a location (model {@code contact}). */
  record CustomField(String id, String name, String fieldKey, String dataType, int position) {}

  /** A workflow or campaign: its id, name and status ({@code draft}, {@code published}…). */
  record Named(String id, String name, String status, String createdAt) {}

  /** A user of the location. */
  record User(String id, String firstName, String lastName, String email) {}

  private final Map<String, Map<String, String>> tagIds = new HashMap<>();
  private final Map<String, List<String>> createdTags = new HashMap<>();
  private final Map<String, Map<String, CustomField>> customFields = new HashMap<>();
  private final Map<String, List<Named>> workflows = new HashMap<>();
  private final Map<String, List<Named>> campaigns = new HashMap<>();
  private final Map<String, List<User>> users = new HashMap<>();

  /** Adds a tag to the location without any contact carrying it. */
  synchronized String createTag(String locationId, String name) {
    List<String> created = createdTags.computeIfAbsent(locationId, id -> new ArrayList<>());
    if (!created.contains(name)) {
      created.add(name);
    }
    return tagId(locationId, name);
  }

  /** The location's tags created on their own, in creation order. */
  synchronized List<String> createdTags(String locationId) {
    return List.copyOf(createdTags.getOrDefault(locationId, List.of()));
  }

  /** The tag's id in the location, given the first time it is asked for. */
  synchronized String tagId(String locationId, String name) {
    return tagIds
        .computeIfAbsent(locationId, id -> new HashMap<>())
        .computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> GhlContactStore.newId());
  }

  /** Adds a contact custom field; its key is {@code contact.} and the name in snake case. */
  synchronized CustomField addCustomField(String locationId, String name, String dataType) {
    Map<String, CustomField> fields =
        customFields.computeIfAbsent(locationId, id -> new LinkedHashMap<>());
    String key =
        "contact."
            + name.trim()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
    CustomField field =
        new CustomField(GhlContactStore.newId(), name, key, dataType, fields.size());
    fields.put(field.id(), field);
    return field;
  }

  /** The location's custom fields, in the order they were added. */
  synchronized List<CustomField> customFields(String locationId) {
    return List.copyOf(customFields.getOrDefault(locationId, Map.of()).values());
  }

  synchronized Named addWorkflow(String locationId, String name, String status, String now) {
    return add(workflows, locationId, new Named(newWorkflowId(), name, status, now));
  }

  synchronized List<Named> workflows(String locationId) {
    return List.copyOf(workflows.getOrDefault(locationId, List.of()));
  }

  synchronized Named addCampaign(String locationId, String name, String status, String now) {
    return add(campaigns, locationId, new Named(GhlContactStore.newId(), name, status, now));
  }

  synchronized List<Named> campaigns(String locationId) {
    return List.copyOf(campaigns.getOrDefault(locationId, List.of()));
  }

  synchronized User addUser(String locationId, String firstName, String lastName, String email) {
    return add(users, locationId, new User(GhlContactStore.newId(), firstName, lastName, email));
  }

  synchronized List<User> users(String locationId) {
    return List.copyOf(users.getOrDefault(locationId, List.of()));
  }

  private static <T> T add(Map<String, List<T>> byLocation, String locationId, T item) {
    byLocation.computeIfAbsent(locationId, id -> new ArrayList<>()).add(item);
    return item;
  }

  /** Workflow ids are UUIDs in HighLevel, unlike its other ids. */
  private static String newWorkflowId() {
    return UUID.randomUUID().toString();
  }
}
