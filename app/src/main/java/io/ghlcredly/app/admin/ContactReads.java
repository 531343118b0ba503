package io.ghlcredly.app.admin;

import io.ghlcredly.app.Stores;
import io.ghlcredly.app.operations.AuditTrail;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.ChangeLog;
import io.ghlcredly.core.port.LocationNames;
import io.ghlcredly.storage.JdbcContactDirectory;
import io.ghlcredly.storage.JdbcDeadLetterStore;
import io.ghlcredly.web.Scope;
import io.ghlcredly.web.admin.AdminViews;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contacts for the pages and the admin API, from our own data: found by name, email or id among
 * their last snapshots, resolved from ids for the overview, and one contact's timeline (the trail
 * {@code audit} prints, plus its failures). Out of scope reads as unknown. Thread-safe.
 */
final class ContactReads {
  private final JdbcContactDirectory directory;
  private final LocationNames names;
  private final Stores stores;
  private final JdbcDeadLetterStore deadLetters;
  private final ChangeLog changes;
  private final ReadScopes scopes;
  private final InstantSource clock;

  /** What contacts are read from. */
  record Sources(
      JdbcContactDirectory directory,
      LocationNames names,
      Stores stores,
      JdbcDeadLetterStore deadLetters,
      ChangeLog changes) {}

  ContactReads(Sources sources, ReadScopes scopes, InstantSource clock) {
    this.directory = sources.directory();
    this.names = sources.names();
    this.stores = sources.stores();
    this.deadLetters = sources.deadLetters();
    this.changes = sources.changes();
    this.scopes = scopes;
    this.clock = clock;
  }

  List<AdminViews.Contact> search(Scope scope, String query, int limit) {
    Map<LocationId, String> known = names.all();
    Instant now = clock.instant();
    return directory.search(query, scopes.filter(scope), limit).stream()
        .map(found -> view(found, known, now))
        .toList();
  }

  Map<String, AdminViews.Contact> people(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<LocationId, String> known = names.all();
    Instant now = clock.instant();
    Map<String, AdminViews.Contact> people = new LinkedHashMap<>();
    directory
        .findAll(ids.stream().filter(id -> !id.isBlank()).map(ContactId::new).toList())
        .forEach((id, found) -> people.put(id.value(), view(found, known, now)));
    return people;
  }

  Optional<AdminViews.ContactTimeline> timeline(Scope scope, String id, int limit) {
    if (id.isBlank()) {
      return Optional.empty();
    }
    ContactId contact = new ContactId(id);
    Optional<JdbcContactDirectory.Found> found = directory.find(contact);
    if (found.isEmpty() || !scopes.coversContact(scope, contact)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    List<AuditTrail.Entry> trail =
        AuditTrail.merge(
            stores.inbox().listByContact(contact, limit),
            stores.journal().listByContact(contact, limit),
            stores.ledger().listByContact(contact),
            changes.listForContact(contact, limit),
            limit);
    return Optional.of(
        new AdminViews.ContactTimeline(
            view(found.get(), names.all(), now),
            ContactTimelines.of(trail, deadLetters.listByContact(contact, limit), now)));
  }

  private static AdminViews.Contact view(
      JdbcContactDirectory.Found found, Map<LocationId, String> known, Instant now) {
    Map<String, String> fields = found.fields();
    String name =
        (fields.getOrDefault("firstName", "") + " " + fields.getOrDefault("lastName", "")).trim();
    LocationId location = found.locationId();
    Instant last = found.lastActivity();
    return new AdminViews.Contact(
        found.contactId().value(),
        name.isEmpty() ? null : name,
        blankToNull(fields.get("email")),
        location == null ? null : location.value(),
        location == null ? null : known.get(location),
        last == null ? null : last.toString(),
        last == null ? null : ContactWords.ago(last, now),
        found.badges());
  }

  private static @org.jspecify.annotations.Nullable String blankToNull(
      @org.jspecify.annotations.Nullable String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
