package io.ghlcredly.core.port;

import io.ghlcredly.core.model.ContactId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Changes made through the browser or the admin API, with who made them: what the audit shows next
 * to what the engine did on its own. Holds no secret. Thread-safe.
 */
public interface ChangeLog {
  /**
   * A recorded change.
   *
   * @param actor an operator's email, or {@code admin-token}
   * @param contactId the contact it concerns, when it concerns one
   */
  record Change(
      Instant at, String actor, String action, String subject, @Nullable ContactId contactId) {}

  void record(Change change);

  /** The newest changes, newest first. */
  List<Change> listRecent(int limit);

  /** The changes concerning a contact, oldest first. */
  List<Change> listForContact(ContactId contactId, int limit);
}
