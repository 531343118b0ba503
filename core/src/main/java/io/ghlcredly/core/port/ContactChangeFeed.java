package io.ghlcredly.core.port;

import io.ghlcredly.core.model.ContactVersion;
import io.ghlcredly.core.model.LocationId;
import java.time.Instant;
import java.util.stream.Stream;

/** The contacts of a location changed since a moment, read from the CRM. Thread-safe. */
public interface ContactChangeFeed {
  /**
   * Contacts whose {@code dateUpdated} is at or after {@code since}, oldest change first, fetched
   * lazily page by page; close the stream when done.
   *
   * @throws io.ghlcredly.core.error.ApiException when the CRM fails
   */
  Stream<ContactVersion> changedSince(LocationId location, Instant since);
}
