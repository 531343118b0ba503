package io.ghlcredly.storage;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.storage.internal.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Contacts as operators look for them, from their last applied snapshots ({@code contact_state}):
 * searched by name, email or id, and resolved many ids at once, each with its last activity and the
 * badges the issuance ledger says it holds. Reads only. Thread-safe.
 */
public final class JdbcContactDirectory {
  /** At most this many ids are resolved in one query. */
  private static final int CHUNK = 200;

  private static final String COLUMNS =
      "c.contact_id, c.location_id, c.fields, c.applied_at,"
          + " (SELECT MAX(ei.received_at) FROM event_inbox ei WHERE ei.contact_id = c.contact_id)"
          + " AS last_event";

  private final Jdbc jdbc;

  public JdbcContactDirectory(Database database) {
    this.jdbc = new Jdbc(database);
  }

  /**
   * A contact as we last saw it.
   *
   * @param locationId null when not known
   * @param fields the snapshot's fields ({@code email}, {@code firstName}, {@code lastName}, …);
   *     empty when only its events are known
   * @param lastActivity its newest event, or when a snapshot was last applied, whichever is later
   * @param badges the badge template ids the ledger says it holds (issued)
   */
  public record Found(
      ContactId contactId,
      @Nullable LocationId locationId,
      Map<String, String> fields,
      @Nullable Instant lastActivity,
      List<String> badges) {
    public Found {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
      badges = List.copyOf(badges);
    }
  }

  /**
   * Contacts whose id is {@code text}, or whose email, first name, last name or full name contains
   * it (ignoring case), among those the filter covers; the most recently applied first.
   */
  public List<Found> search(String text, LocationFilter filter, int limit) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    if (wanted.isEmpty()) {
      return List.of();
    }
    // The JSON text narrows the candidates (by the query's longest word: a full name is two
    // fields there); the fields themselves decide.
    String longest = "";
    for (String word : wanted.split("\\s+", -1)) {
      longest = word.length() > longest.length() ? word : longest;
    }
    List<Found> candidates =
        jdbc.query(
            "SELECT "
                + COLUMNS
                + " FROM contact_state c WHERE "
                + filter.where(LocationFilter.CONTACT_LOCATION.formatted("c"))
                + " AND (c.contact_id = ? OR LOWER(CAST(c.fields AS VARCHAR(1000000))) LIKE ?"
                + " ESCAPE '!') ORDER BY c.applied_at DESC, c.contact_id LIMIT ?",
            JdbcContactDirectory::found,
            filter.params(text.trim(), "%" + escapeLike(longest) + "%", limit * 4));
    List<Found> matches = new ArrayList<>();
    for (Found candidate : candidates) {
      if (candidate.contactId().value().equals(text.trim()) || matches(candidate, wanted)) {
        matches.add(candidate);
      }
    }
    if (matches.isEmpty()) {
      eventsOnly(new ContactId(text.trim()), filter).ifPresent(matches::add);
    }
    List<Found> limited = matches.subList(0, Math.min(limit, matches.size()));
    return withBadges(limited);
  }

  /** The contacts of these ids that we know of, by id; unknown ids are left out. */
  public Map<ContactId, Found> findAll(Collection<ContactId> ids) {
    List<String> values = ids.stream().map(ContactId::value).distinct().toList();
    List<Found> found = new ArrayList<>();
    for (int from = 0; from < values.size(); from += CHUNK) {
      List<String> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
      found.addAll(
          jdbc.query(
              "SELECT "
                  + COLUMNS
                  + " FROM contact_state c WHERE c.contact_id IN ("
                  + marks(chunk.size())
                  + ")",
              JdbcContactDirectory::found,
              chunk.toArray()));
    }
    Map<ContactId, Found> byId = new LinkedHashMap<>();
    withBadges(found).forEach(contact -> byId.put(contact.contactId(), contact));
    return byId;
  }

  /** One contact by id: its snapshot, else what its events say; empty when neither exists. */
  public Optional<Found> find(ContactId id) {
    Found found = findAll(List.of(id)).get(id);
    if (found != null) {
      return Optional.of(found);
    }
    return eventsOnly(id, LocationFilter.all()).map(only -> withBadges(List.of(only)).get(0));
  }

  /** A contact with events but no snapshot yet (its events were never applied). */
  private Optional<Found> eventsOnly(ContactId id, LocationFilter filter) {
    return jdbc.queryOne(
        "SELECT c.contact_id, MAX(c.location_id) AS location_id, MAX(c.received_at) AS last_event"
            + " FROM event_inbox c WHERE "
            + filter.where(LocationFilter.CONTACT_LOCATION.formatted("c"))
            + " AND c.contact_id = ? GROUP BY c.contact_id",
        row ->
            new Found(
                new ContactId(row.getString("contact_id")),
                location(row.getString("location_id")),
                Map.of(),
                Jdbc.nullableInstant(row, "last_event"),
                List.of()),
        filter.params(id.value()));
  }

  private List<Found> withBadges(List<Found> contacts) {
    if (contacts.isEmpty()) {
      return contacts;
    }
    Map<String, List<String>> badges = new LinkedHashMap<>();
    List<Object> params = new ArrayList<>();
    params.add(Issuance.State.ISSUED.name());
    contacts.forEach(contact -> params.add(contact.contactId().value()));
    jdbc.query(
            "SELECT contact_id, badge_template_id FROM issuance WHERE state = ? AND contact_id IN ("
                + marks(contacts.size())
                + ") ORDER BY created_at, badge_template_id",
            row -> Map.entry(row.getString("contact_id"), row.getString("badge_template_id")),
            params.toArray())
        .forEach(
            row ->
                badges.computeIfAbsent(row.getKey(), key -> new ArrayList<>()).add(row.getValue()));
    return contacts.stream()
        .map(
            contact ->
                new Found(
                    contact.contactId(),
                    contact.locationId(),
                    contact.fields(),
                    contact.lastActivity(),
                    badges.getOrDefault(contact.contactId().value(), List.of())))
        .toList();
  }

  private static boolean matches(Found contact, String wanted) {
    Map<String, String> fields = contact.fields();
    String first = fields.getOrDefault("firstName", "");
    String last = fields.getOrDefault("lastName", "");
    for (String value :
        new LinkedHashSet<>(
            List.of(fields.getOrDefault("email", ""), first, last, (first + " " + last).trim()))) {
      if (!value.isEmpty() && value.toLowerCase(Locale.ROOT).contains(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static Found found(ResultSet row) throws SQLException {
    Instant applied = Jdbc.instant(row, "applied_at");
    Instant event = Jdbc.nullableInstant(row, "last_event");
    return new Found(
        new ContactId(row.getString("contact_id")),
        location(row.getString("location_id")),
        Json.parseStringMap(row.getString("fields")),
        event == null || applied.isAfter(event) ? applied : event,
        List.of());
  }

  private static @Nullable LocationId location(@Nullable String stored) {
    return stored == null ? null : new LocationId(stored);
  }

  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static String marks(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }
}
