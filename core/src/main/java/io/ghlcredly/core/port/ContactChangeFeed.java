package io.ghlcredly.core.port;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactVersion;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.TaskVersion;
import java.time.Instant;
import java.util.List;
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

  /**
   * The contact's tasks as they are now: GHL sends no event when a task is updated, and a lost
   * TaskComplete webhook is not resent, so completions are also found by asking.
   *
   * @throws io.ghlcredly.core.error.ApiException when the CRM fails
   */
  List<TaskVersion> tasks(LocationId location, ContactId contactId);
}
