package io.ghlcredly.ghl;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.ContactDirectory;
import io.ghlcredly.ghl.api.GhlContactSummary;
import io.ghlcredly.ghl.api.SearchContactsRequest;
import io.ghlcredly.ghl.api.SearchContactsRequest.SearchFilter;
import io.ghlcredly.ghl.api.SearchContactsRequest.SearchSort;
import io.ghlcredly.ghl.api.SearchContactsResponse;
import io.ghlcredly.http.RatePriority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@link ContactDirectory} over {@code POST /contacts/search}, at {@link RatePriority#BULK} on the
 * location's budget so an import never starves live syncs.
 *
 * <p>Why search and not {@code GET /contacts/}: the list is deprecated, pages at most 100 and
 * cannot filter on {@code dateUpdated}; search pages up to 500 and its {@code searchAfter} cursor
 * reaches past the 10,000 records {@code page} paging stops at (ghl.md §2.6, §4). Results are
 * sorted by {@code dateAdded} ascending: unlike {@code dateUpdated}, that order does not change
 * when the import itself writes tags back, so no contact moves behind the cursor or comes twice;
 * contacts added meanwhile come at the end.
 *
 * <p>The cursor is the last result's {@code searchAfter} as JSON text ({@code
 * {"searchAfter":[…]}}), self-contained: an import stores it and resumes after a restart with the
 * same {@code since}. The last page is the first one shorter than the page limit.
 *
 * <p>{@code since} is a {@code range} filter ({@code gte}) on {@code dateUpdated}, sent to
 * HighLevel and checked again here. UNCERTAIN (ghl.md §2.6, §12): HighLevel documents {@code range}
 * and {@code sort} for search, but not that it honours them for {@code dateUpdated} and {@code
 * dateAdded}; the client-side check keeps {@code since} correct if the filter were ignored (a page
 * may then hold fewer contacts than the limit, even none, yet have a next page), and {@link #count}
 * would then report every contact. Verify against a live location. Results are eventually
 * consistent: a contact written seconds ago may not be listed yet. Thread-safe.
 */
public final class GhlContactDirectory implements ContactDirectory {
  /** HighLevel's largest search page. */
  public static final int DEFAULT_PAGE_LIMIT = SearchContactsRequest.MAX_PAGE_LIMIT;

  private final LocationClients clients;
  private final int pageLimit;

  /**
   * @param clientFor the client authorised for a location, asked once per location
   * @param pageLimit contacts per page, 1 to 500
   */
  public GhlContactDirectory(Function<LocationId, GhlClient> clientFor, int pageLimit) {
    if (pageLimit < 1 || pageLimit > SearchContactsRequest.MAX_PAGE_LIMIT) {
      throw new IllegalArgumentException("pageLimit must be 1 to 500: " + pageLimit);
    }
    this.clients = new LocationClients(clientFor, RatePriority.BULK);
    this.pageLimit = pageLimit;
  }

  public GhlContactDirectory(Function<LocationId, GhlClient> clientFor) {
    this(clientFor, DEFAULT_PAGE_LIMIT);
  }

  /**
   * @throws IllegalArgumentException when {@code cursor} is not one this directory wrote
   */
  @Override
  public Page page(LocationId location, @Nullable Instant since, @Nullable String cursor) {
    List<Object> after = cursor == null ? null : SearchCursor.decode(cursor);
    SearchContactsResponse response =
        clients.of(location).searchContacts(search(location, since, pageLimit, after));
    List<GhlContactSummary> results = response.contacts();
    List<Contact> contacts =
        results.stream()
            .flatMap(summary -> GhlContactMapper.toDomain(location, summary).stream())
            .filter(contact -> updatedSince(contact, since))
            .toList();
    return new Page(contacts, results.size() < pageLimit ? null : next(results.getLast()));
  }

  @Override
  public long count(LocationId location, @Nullable Instant since) {
    Long total = clients.of(location).searchContacts(search(location, since, 1, null)).total();
    return total == null ? -1 : total;
  }

  /** The search body of a page: the location, {@code since} as a filter, oldest first. */
  static SearchContactsRequest search(
      LocationId location, @Nullable Instant since, int pageLimit, @Nullable List<Object> after) {
    List<SearchFilter> filters =
        since == null
            ? null
            : List.of(new SearchFilter("dateUpdated", "range", Map.of("gte", since.toString())));
    return new SearchContactsRequest(
        location.value(),
        pageLimit,
        null,
        after,
        filters,
        List.of(new SearchSort("dateAdded", "asc")),
        null);
  }

  private static boolean updatedSince(Contact contact, @Nullable Instant since) {
    Instant updated = contact.dateUpdated();
    // Unknown dateUpdated: kept, an import must rather apply a contact twice than miss it.
    return since == null || updated == null || !updated.isBefore(since);
  }

  /**
   * A full page must say where the next one starts; without that, going on would repeat it and
   * stopping would silently lose the rest, so the call fails (and the import retries).
   */
  private static String next(GhlContactSummary last) {
    List<Object> values = SearchCursor.values(last.searchAfter());
    if (values.isEmpty()) {
      throw GhlRequests.malformed(
          GhlEndpoint.SEARCH_CONTACTS, "full page whose last result has no searchAfter", null);
    }
    return SearchCursor.encode(values);
  }
}
