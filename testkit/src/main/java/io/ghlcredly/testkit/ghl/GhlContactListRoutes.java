package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reading many contacts: {@code GET /contacts/} (cursor {@code startAfter}/{@code startAfterId},
 * answered with the {@code meta} block real answers carry), {@code POST /contacts/search} ({@code
 * page} or {@code searchAfter}; every result carries its own {@code searchAfter} cursor, the sort
 * field's millis and the id; sort by {@code dateAdded} or {@code dateUpdated}), the duplicate
 * lookup and the contacts of a business (offset paging). Contacts are ordered oldest first, ties
 * broken by id.
 */
final class GhlContactListRoutes {
  private static final int MAX_LIST_LIMIT = 100;
  private static final int MAX_PAGE_LIMIT = 500;
  private static final Set<String> SEARCH_FIELDS =
      Set.of("locationId", "pageLimit", "page", "searchAfter", "filters", "sort", "query");
  private static final Set<String> DATE_FIELDS = Set.of("dateAdded", "dateUpdated");

  private final GhlContactStore store;

  GhlContactListRoutes(GhlContactStore store) {
    this.store = store;
  }

  void register(GhlRoutes.Registrar routes) {
    routes.located("GET", "/contacts/", this::listContacts);
    routes.located("POST", "/contacts/search", this::search);
    routes.located("GET", "/contacts/search/duplicate", this::findDuplicate);
    routes.located("GET", "/contacts/business/{businessId}", this::listByBusiness);
  }

  private EmulatorResponse listContacts(EmulatorRequest request, String locationId) {
    Map<String, String> query = request.query();
    Optional<EmulatorResponse> refusal = checkLocation(query.get("locationId"), locationId);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    int limit = (int) Math.min(number(query.get("limit"), 20), MAX_LIST_LIMIT);
    long startAfter = number(query.get("startAfter"), -1);
    String startAfterId = query.getOrDefault("startAfterId", "");
    List<ObjectNode> matching =
        store.snapshot(locationId).stream().filter(text(query.get("query"))).toList();
    List<ObjectNode> rest =
        matching.stream().filter(contact -> after(contact, startAfter, startAfterId)).toList();
    List<ObjectNode> page = rest.subList(0, Math.min(limit, rest.size()));
    ObjectNode response = GhlResponses.object();
    ArrayNode contacts = response.putArray("contacts");
    page.forEach(contact -> contacts.add(GhlShapes.pick(contact, GhlShapes.SUMMARY)));
    response.put("count", matching.size());
    ObjectNode meta = response.putObject("meta").put("total", matching.size());
    int current = (matching.size() - rest.size()) / Math.max(limit, 1) + 1;
    meta.put("currentPage", current);
    if (current > 1) {
      meta.put("prevPage", current - 1);
    }
    if (!page.isEmpty()) {
      ObjectNode last = page.getLast();
      meta.put("startAfterId", last.get("id").asText()).put("startAfter", millis(last));
      if (rest.size() > page.size()) {
        meta.put("nextPage", current + 1);
        meta.put(
            "nextPageUrl",
            "/contacts/?locationId="
                + locationId
                + "&limit="
                + limit
                + "&startAfter="
                + millis(last)
                + "&startAfterId="
                + last.get("id").asText());
      }
    }
    return GhlResponses.ok(200, response);
  }

  private EmulatorResponse search(EmulatorRequest request, String locationId) {
    ObjectNode body = GhlResponses.body(request);
    Optional<EmulatorResponse> invalid =
        GhlResponses.invalid(body, SEARCH_FIELDS, "locationId", "pageLimit");
    if (invalid.isPresent()) {
      return invalid.get();
    }
    int pageLimit = body.path("pageLimit").asInt(0);
    if (pageLimit < 1 || pageLimit > MAX_PAGE_LIMIT) {
      return GhlResponses.unprocessable(List.of("pageLimit must not be greater than 500"));
    }
    if (body.has("page") && body.has("searchAfter")) {
      return GhlResponses.unprocessable(List.of("page and searchAfter cannot be used together"));
    }
    Optional<EmulatorResponse> refusal =
        checkLocation(body.path("locationId").asText(), locationId);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Optional<EmulatorResponse> badSort = checkSort(body.path("sort"));
    if (badSort.isPresent()) {
      return badSort.get();
    }
    String sortField = sortField(body.path("sort"));
    Predicate<ObjectNode> matches =
        text(body.path("query").asText(null)).and(filters(body.path("filters")));
    JsonNode cursor = body.path("searchAfter");
    int skip = (Math.max(body.path("page").asInt(1), 1) - 1) * pageLimit;
    ObjectNode response =
        store.read(locationId, all -> searchPage(all, matches, sortField, cursor, skip, pageLimit));
    response.put("traceId", UUID.randomUUID().toString());
    return GhlResponses.ok(200, response);
  }

  private EmulatorResponse findDuplicate(EmulatorRequest request, String locationId) {
    Map<String, String> query = request.query();
    Optional<EmulatorResponse> refusal = checkLocation(query.get("locationId"), locationId);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Optional<String> id = Optional.empty();
    if (query.containsKey("email")) {
      id = store.findIdByEmail(locationId, query.get("email"));
    }
    if (id.isEmpty() && query.containsKey("number")) {
      id = store.findIdByPhone(locationId, query.get("number"));
    }
    ObjectNode response = GhlResponses.object();
    Optional<ObjectNode> contact = id.flatMap(store::find);
    // No duplicate: HighLevel's answer then has no contact (read as absent either way).
    contact.ifPresent(found -> response.set("contact", GhlContactRoutes.shape(found)));
    response.put("traceId", UUID.randomUUID().toString());
    return GhlResponses.ok(200, response);
  }

  private EmulatorResponse listByBusiness(EmulatorRequest request, String locationId) {
    Map<String, String> query = request.query();
    Optional<EmulatorResponse> refusal = checkLocation(query.get("locationId"), locationId);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    String businessId = request.pathParam("businessId");
    List<ObjectNode> matching =
        store.snapshot(locationId).stream()
            .filter(contact -> contact.path("businessId").asText().equals(businessId))
            .filter(text(query.get("query")))
            .toList();
    int skip = (int) Math.min(number(query.get("skip"), 0), matching.size());
    int limit = (int) number(query.get("limit"), 25);
    ObjectNode response = GhlResponses.object();
    ArrayNode contacts = response.putArray("contacts");
    matching.subList(skip, Math.min(matching.size(), skip + limit)).stream()
        .map(contact -> GhlShapes.pick(contact, GhlShapes.SUMMARY))
        .forEach(contacts::add);
    response.put("count", matching.size());
    return GhlResponses.ok(200, response);
  }

  /** 422 without a locationId, 403 for another location than the caller's. */
  private static Optional<EmulatorResponse> checkLocation(
      @Nullable String given, String callerLocation) {
    if (given == null || given.isBlank()) {
      return Optional.of(GhlResponses.unprocessable(List.of("locationId should not be empty")));
    }
    if (!given.equals(callerLocation)) {
      return Optional.of(GhlResponses.noAccessToLocation());
    }
    return Optional.empty();
  }

  /** Full-text match on name and e-mail, as a rough stand-in for HighLevel's search. */
  private static Predicate<ObjectNode> text(@Nullable String query) {
    if (query == null || query.isBlank()) {
      return contact -> true;
    }
    String needle = query.toLowerCase(Locale.ROOT);
    return contact ->
        (contact.path("fullNameLowerCase").asText() + " " + contact.path("emailLowerCase").asText())
            .contains(needle);
  }

  /**
   * Only {@code dateAdded} (the default) or {@code dateUpdated}, ascending, as one sort key: what
   * the connector uses. Anything else is refused rather than silently ignored.
   */
  private static Optional<EmulatorResponse> checkSort(JsonNode sort) {
    if (sort.isMissingNode() || sort.isNull() || (sort.isArray() && sort.isEmpty())) {
      return Optional.empty();
    }
    boolean supported =
        sort.isArray()
            && sort.size() == 1
            && DATE_FIELDS.contains(sort.get(0).path("field").asText())
            && sort.get(0).path("direction").asText("asc").equals("asc");
    return supported
        ? Optional.empty()
        : Optional.of(
            GhlResponses.unprocessable(List.of("the emulator sorts by one date field, asc")));
  }

  private static String sortField(JsonNode sort) {
    return sort.isArray() && !sort.isEmpty() ? sort.get(0).path("field").asText() : "dateAdded";
  }

  /**
   * One search page over the live contacts (under the store's lock): matches sorted oldest first by
   * the sort field, ties broken by id; only the page's items are copied.
   */
  private static ObjectNode searchPage(
      Collection<ObjectNode> all,
      Predicate<ObjectNode> matches,
      String sortField,
      JsonNode cursor,
      int skip,
      int pageLimit) {
    List<Ranked> matching =
        all.stream()
            .filter(matches)
            .map(contact -> new Ranked(millis(contact, sortField), contact))
            .sorted(Ranked.ORDER)
            .toList();
    List<Ranked> rest =
        cursor.isArray() && cursor.size() == 2
            ? matching.stream()
                .filter(ranked -> ranked.isAfter(cursor.get(0).asLong(), cursor.get(1).asText()))
                .toList()
            : matching.subList(Math.min(skip, matching.size()), matching.size());
    ObjectNode response = GhlResponses.object();
    ArrayNode contacts = response.putArray("contacts");
    for (Ranked ranked : rest.subList(0, Math.min(pageLimit, rest.size()))) {
      ObjectNode item = GhlShapes.pick(ranked.contact(), GhlShapes.SUMMARY);
      item.putArray("searchAfter").add(ranked.millis()).add(ranked.id());
      contacts.add(item);
    }
    response.put("total", matching.size());
    return response;
  }

  /** A contact with its sort key computed once (parsing dates in the comparator is slow). */
  private record Ranked(long millis, ObjectNode contact) {
    static final Comparator<Ranked> ORDER =
        Comparator.comparingLong(Ranked::millis).thenComparing(Ranked::id);

    String id() {
      return contact.path("id").asText();
    }

    boolean isAfter(long afterMillis, String afterId) {
      return millis > afterMillis || (millis == afterMillis && id().compareTo(afterId) > 0);
    }
  }

  /**
   * {@code eq}/{@code contains} filters on top-level fields ({@code tags} matches one tag), and
   * {@code range} ({@code gt, gte, lt, lte} as ISO-8601 instants) on date fields.
   */
  private static Predicate<ObjectNode> filters(JsonNode filters) {
    Predicate<ObjectNode> all = contact -> true;
    for (JsonNode filter : filters) {
      String field = filter.path("field").asText();
      if (filter.path("operator").asText().equals("range")) {
        all = all.and(range(field, filter.path("value")));
        continue;
      }
      String value = filter.path("value").asText().toLowerCase(Locale.ROOT);
      boolean contains = filter.path("operator").asText().equals("contains");
      all =
          all.and(
              contact -> {
                JsonNode stored = contact.path(field);
                if (stored.isArray()) {
                  return GhlResponses.strings(stored).stream()
                      .anyMatch(item -> item.equalsIgnoreCase(value));
                }
                String text = stored.asText().toLowerCase(Locale.ROOT);
                return contains ? text.contains(value) : text.equals(value);
              });
    }
    return all;
  }

  private static Predicate<ObjectNode> range(String field, JsonNode bounds) {
    Predicate<ObjectNode> within = contact -> contact.hasNonNull(field);
    for (String op : List.of("gt", "gte", "lt", "lte")) {
      JsonNode bound = bounds.get(op);
      if (bound == null) {
        continue;
      }
      long limit = Instant.parse(bound.asText()).toEpochMilli();
      within =
          within.and(
              contact -> {
                long at = millis(contact, field);
                return switch (op) {
                  case "gt" -> at > limit;
                  case "gte" -> at >= limit;
                  case "lt" -> at < limit;
                  default -> at <= limit;
                };
              });
    }
    return within;
  }

  private static boolean after(ObjectNode contact, long startAfter, String startAfterId) {
    long at = millis(contact);
    return at > startAfter
        || (at == startAfter && contact.path("id").asText().compareTo(startAfterId) > 0);
  }

  private static long millis(ObjectNode contact) {
    return millis(contact, "dateAdded");
  }

  private static long millis(ObjectNode contact, String field) {
    return Instant.parse(contact.path(field).asText()).toEpochMilli();
  }

  private static long number(@Nullable String value, long fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return (long) Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
