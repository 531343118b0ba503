package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What hangs off a contact: tasks, notes, appointments (seeded only: the contacts API cannot create
 * them), followers, campaign and workflow memberships. Records are JSON objects shaped like the
 * spec's {@code TaskSchema}, {@code GetNoteSchema} and {@code GetEventSchema}. Callers get copies.
 * Thread-safe: every method is synchronized.
 */
final class GhlContactExtras {
  /** Kinds of records kept by id per contact. */
  enum Kind {
    TASK,
    NOTE,
    APPOINTMENT
  }

  /** Kinds of memberships kept as sets of ids per contact. */
  enum Membership {
    FOLLOWER,
    CAMPAIGN,
    WORKFLOW
  }

  private final Map<Kind, Map<String, Map<String, ObjectNode>>> records = new HashMap<>();
  private final Map<Membership, Map<String, Set<String>>> memberships = new HashMap<>();

  synchronized ObjectNode put(Kind kind, String contactId, ObjectNode record) {
    String id = record.get("id").asText();
    records
        .computeIfAbsent(kind, k -> new HashMap<>())
        .computeIfAbsent(contactId, c -> new LinkedHashMap<>())
        .put(id, record.deepCopy());
    return record.deepCopy();
  }

  synchronized Optional<ObjectNode> find(Kind kind, String contactId, String id) {
    return Optional.ofNullable(byContact(kind, contactId).get(id)).map(ObjectNode::deepCopy);
  }

  synchronized List<ObjectNode> list(Kind kind, String contactId) {
    List<ObjectNode> copies = new ArrayList<>();
    byContact(kind, contactId).values().forEach(record -> copies.add(record.deepCopy()));
    return copies;
  }

  /** Copies {@code changes} onto the record; empty when there is no such record. */
  synchronized Optional<ObjectNode> update(
      Kind kind, String contactId, String id, ObjectNode changes) {
    ObjectNode record = byContact(kind, contactId).get(id);
    if (record == null) {
      return Optional.empty();
    }
    record.setAll(changes.deepCopy());
    return Optional.of(record.deepCopy());
  }

  synchronized Optional<ObjectNode> remove(Kind kind, String contactId, String id) {
    return Optional.ofNullable(byContact(kind, contactId).remove(id));
  }

  /** Adds ids; returns the ones that were not there yet. */
  synchronized List<String> join(Membership kind, String contactId, List<String> ids) {
    Set<String> members = members(kind, contactId);
    List<String> added = new ArrayList<>();
    for (String id : ids) {
      if (members.add(id)) {
        added.add(id);
      }
    }
    return added;
  }

  /** Removes ids; returns the ones that were there. */
  synchronized List<String> leave(Membership kind, String contactId, List<String> ids) {
    Set<String> members = members(kind, contactId);
    List<String> removed = new ArrayList<>();
    for (String id : ids) {
      if (members.remove(id)) {
        removed.add(id);
      }
    }
    return removed;
  }

  synchronized void leaveAll(Membership kind, String contactId) {
    members(kind, contactId).clear();
  }

  synchronized List<String> memberships(Membership kind, String contactId) {
    return List.copyOf(members(kind, contactId));
  }

  /** Forgets everything about a deleted contact. */
  synchronized void forget(String contactId) {
    records.values().forEach(byContact -> byContact.remove(contactId));
    memberships.values().forEach(byContact -> byContact.remove(contactId));
  }

  private Map<String, ObjectNode> byContact(Kind kind, String contactId) {
    return records
        .computeIfAbsent(kind, k -> new HashMap<>())
        .computeIfAbsent(contactId, c -> new LinkedHashMap<>());
  }

  private Set<String> members(Membership kind, String contactId) {
    return memberships
        .computeIfAbsent(kind, k -> new HashMap<>())
        .computeIfAbsent(contactId, c -> new LinkedHashSet<>());
  }
}
