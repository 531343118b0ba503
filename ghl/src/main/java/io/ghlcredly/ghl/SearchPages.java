package io.ghlcredly.ghl;

import io.ghlcredly.ghl.api.GhlContactSummary;
import io.ghlcredly.ghl.api.SearchContactsRequest;
import io.ghlcredly.ghl.api.SearchContactsResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Walks {@code POST /contacts/search} page by page with the {@code searchAfter} cursor (the last
 * result's {@code searchAfter}), holding one page at a time and fetching the next only when the
 * current one is used up. Stops at a page shorter than {@code pageLimit}, once {@code total}
 * results were seen, or when the cursor would not move. Not thread-safe.
 */
final class SearchPages implements Iterator<GhlContactSummary> {
  private final GhlClient client;
  private final Deque<GhlContactSummary> buffered = new ArrayDeque<>();
  private SearchContactsRequest next;
  private @Nullable List<Object> lastCursor;
  private long seen;
  private boolean exhausted;

  SearchPages(GhlClient client, SearchContactsRequest first) {
    if (first.page() != null) {
      throw new IllegalArgumentException("cursor paging starts without page");
    }
    this.client = client;
    this.next = first;
    this.lastCursor = first.searchAfter();
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
    SearchContactsResponse page = client.searchContacts(next);
    List<GhlContactSummary> contacts = page.contacts();
    buffered.addAll(contacts);
    seen += contacts.size();
    Long total = page.total();
    if (contacts.size() < next.pageLimit() || (total != null && seen >= total)) {
      exhausted = true;
      return;
    }
    List<Object> cursor = SearchCursor.values(contacts.getLast().searchAfter());
    if (cursor.isEmpty() || cursor.equals(lastCursor)) {
      exhausted = true; // without a moving cursor the next call would repeat this page
      return;
    }
    lastCursor = cursor;
    next = next.after(cursor);
  }
}
