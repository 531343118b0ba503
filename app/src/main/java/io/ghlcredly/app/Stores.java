package io.ghlcredly.app;

import io.ghlcredly.core.port.ActionJournal;
import io.ghlcredly.core.port.CursorStore;
import io.ghlcredly.core.port.DeadLetterStore;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.IssuanceLedger;
import io.ghlcredly.core.port.JobQueue;
import io.ghlcredly.core.port.SecretStore;
import io.ghlcredly.core.port.SyncStateStore;
import io.ghlcredly.core.sync.DeadLetterReplayer;
import java.time.InstantSource;

/** The stores of a running application, for wiring and for operator commands. */
public record Stores(
    EventInbox inbox,
    SyncStateStore state,
    IssuanceLedger ledger,
    DeadLetterStore deadLetters,
    SecretStore secrets,
    CursorStore cursors,
    ActionJournal journal) {

  /** Replays dead letters on these stores, queueing the contacts' syncs on {@code jobs}. */
  public DeadLetterReplayer replayer(JobQueue jobs, InstantSource clock) {
    return new DeadLetterReplayer(deadLetters, inbox, state, ledger, journal, jobs, clock);
  }
}
