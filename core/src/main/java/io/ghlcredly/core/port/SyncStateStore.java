package io.ghlcredly.core.port;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactSnapshot;
import java.util.Optional;

/** What was last applied per contact. Thread-safe. */
public interface SyncStateStore {
  Optional<ContactSnapshot> find(ContactId contactId);

  /** Inserts or replaces the snapshot of the contact. */
  void save(ContactSnapshot snapshot);

  /**
   * Drops the contact's snapshot, so that its next job applies it as if first seen: how a replay
   * makes rules fire again (the journal and the ledger skip what was already done).
   */
  void forget(ContactId contactId);
}
