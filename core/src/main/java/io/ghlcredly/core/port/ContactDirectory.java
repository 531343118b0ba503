package io.ghlcredly.core.port;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.LocationId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every contact of a location, page by page, in a stable order: what a bulk import walks. A page's
 * contacts are complete enough to apply rules to, so an import costs one CRM call per page, not per
 * contact. Thread-safe.
 */
public interface ContactDirectory {
  /**
   * The page after the cursor.
   *
   * @param since only contacts updated at or after this, or null for all
   * @param cursor the {@link Page#next()} of the previous page, or null for the first
   * @throws io.ghlcredly.core.error.ApiException when the CRM fails
   */
  Page page(LocationId location, @Nullable Instant since, @Nullable String cursor);

  /**
   * How many contacts the walk will visit, as the CRM reports it, or -1 when unknown.
   *
   * @throws io.ghlcredly.core.error.ApiException when the CRM fails
   */
  long count(LocationId location, @Nullable Instant since);

  /**
   * One page.
   *
   * @param next the cursor of the following page, or null when this is the last
   */
  record Page(List<Contact> contacts, @Nullable String next) {
    public Page {
      contacts = List.copyOf(contacts);
    }
  }
}
