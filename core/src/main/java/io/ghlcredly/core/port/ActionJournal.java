package io.ghlcredly.core.port;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.JournalEntry;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every action a rule asked for, once per occurrence: the audit trail (what happened to a contact,
 * when, by which rule, with which upstream ids) and the guard that a retried job does not add the
 * same note or task twice. The key is unique. Thread-safe.
 */
public interface ActionJournal {
  /**
   * Records the action as PENDING unless its key exists.
   *
   * @return the existing entry (its state tells whether the action was done, failed, or has an
   *     unknown outcome) or the new PENDING one
   */
  Claim claim(JournalEntry pending);

  /** The action is done (or needed nothing: outcome says which). */
  void complete(String key, String outcome, @Nullable String upstreamId, Instant now);

  /** The action failed for good. */
  void fail(String key, String cause, Instant now);

  /**
   * Removes the contact's FAILED entries so that their actions run again, for a replay of its dead
   * letters. The failure stays visible in the dead letter.
   *
   * @return how many entries were released
   */
  int releaseFailed(ContactId contactId);

  /** The contact's entries, newest first. */
  List<JournalEntry> listByContact(ContactId contactId, int limit);

  /** All entries, newest first. */
  List<JournalEntry> listRecent(int limit);

  /** The result of a claim. */
  record Claim(JournalEntry entry, boolean newlyClaimed) {}
}
