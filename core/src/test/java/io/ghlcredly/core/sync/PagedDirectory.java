package io.ghlcredly.core.sync;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.ContactDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A directory over a list of contacts, {@code pageSize} per page, whose cursor is the index of the
 * next contact. Records each page asked for and fails a chosen page once.
 */
final class PagedDirectory implements ContactDirectory {
  final List<Contact> contacts = new ArrayList<>();
  final List<@Nullable String> cursorsAsked = new ArrayList<>();
  final List<@Nullable Instant> sinceAsked = new ArrayList<>();
  private final int pageSize;
  private int failAtPage = -1;

  PagedDirectory(int pageSize) {
    this.pageSize = pageSize;
  }

  /** The next request for this page (0-based) fails with a transient error, once. */
  void failOnceAtPage(int page) {
    failAtPage = page;
  }

  @Override
  public Page page(LocationId location, @Nullable Instant since, @Nullable String cursor) {
    cursorsAsked.add(cursor);
    sinceAsked.add(since);
    int from = cursor == null ? 0 : Integer.parseInt(cursor);
    if (from / pageSize == failAtPage) {
      failAtPage = -1;
      throw new ApiException(
          "ghl", "POST", "/contacts/search", 503, ApiException.Kind.TRANSIENT, "down", null, null);
    }
    List<Contact> matching = matching(since);
    int to = Math.min(from + pageSize, matching.size());
    return new Page(matching.subList(from, to), to < matching.size() ? Integer.toString(to) : null);
  }

  @Override
  public long count(LocationId location, @Nullable Instant since) {
    sinceAsked.add(since);
    return matching(since).size();
  }

  private List<Contact> matching(@Nullable Instant since) {
    return contacts.stream()
        .filter(c -> since == null || (c.dateUpdated() != null && !c.dateUpdated().isBefore(since)))
        .toList();
  }
}
