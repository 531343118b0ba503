package io.ghlcredly.ghl;

import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.ghl.api.ContactListResponse;
import io.ghlcredly.ghl.api.GhlContactSummary;
import io.ghlcredly.ghl.api.GhlListMeta;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Walks {@code GET /contacts/} page by page, holding one page at a time. The next page is fetched
 * only when the current one is used up, with {@code locationId} and {@code limit} repeated and the
 * cursor ({@code startAfter}, {@code startAfterId}) taken from the previous page's {@code meta}, or
 * from its last contact when {@code meta} is missing. It stops at a page shorter than {@code
 * limit}, when {@code meta} says there is no next page, or when the cursor would not move (so a
 * page is never fetched twice). Not thread-safe.
 */
final class ContactListPages implements Iterator<GhlContactSummary> {
  private final GhlClient client;
  private final LocationId locationId;
  private final @Nullable String query;
  private final int limit;
  private final Deque<GhlContactSummary> buffered = new ArrayDeque<>();
  private boolean exhausted;
  private @Nullable Long startAfter;
  private @Nullable String startAfterId;

  ContactListPages(GhlClient client, LocationId locationId, @Nullable String query, int limit) {
    if (limit < 1 || limit > GhlClient.MAX_LIST_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to 100: " + limit);
    }
    this.client = client;
    this.locationId = locationId;
    this.query = query;
    this.limit = limit;
  }

  @Override
  public boolean hasNext() {
    while (buffered.isEmpty() && !exhausted) {
      fetch();
    }
    return !buffered.isEmpty();
  }

  @Override
  public GhlContactSummary next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return buffered.removeFirst();
  }

  private void fetch() {
    ContactListResponse page =
        client.listContacts(locationId, query, limit, startAfter, startAfterId);
    buffered.addAll(page.contacts());
    if (page.contacts().size() < limit || noNextPage(page.meta())) {
      exhausted = true;
      return;
    }
    Cursor next = cursor(page);
    if (next.startAfterId() == null || next.startAfterId().equals(startAfterId)) {
      exhausted = true; // a cursor that does not move would fetch the same page again
      return;
    }
    startAfter = next.startAfter();
    startAfterId = next.startAfterId();
  }

  private static boolean noNextPage(@Nullable GhlListMeta meta) {
    return meta != null && meta.nextPageUrl() == null && meta.nextPage() == null;
  }

  private static Cursor cursor(ContactListResponse page) {
    GhlListMeta meta = page.meta();
    if (meta != null && meta.startAfterId() != null) {
      return new Cursor(meta.startAfter(), meta.startAfterId());
    }
    GhlContactSummary last = page.contacts().getLast();
    return new Cursor(epochMillis(last.dateAdded()), last.id());
  }

  private static @Nullable Long epochMillis(@Nullable String dateAdded) {
    if (dateAdded == null) {
      return null;
    }
    try {
      return Instant.parse(dateAdded).toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private record Cursor(@Nullable Long startAfter, @Nullable String startAfterId) {}
}
