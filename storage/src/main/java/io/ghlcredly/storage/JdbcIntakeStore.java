package io.ghlcredly.storage;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.port.IntakeStore;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link IntakeStore} on the inbox table and db-scheduler's table: a batch's inbox rows and job
 * rows are written in one transaction (on PostgreSQL in two round trips: one JDBC batch each) and
 * forced to disk ({@link Database#forceToDisk}), then the workers are woken. A duplicate event
 * stores nothing and queues nothing. Thread-safe.
 */
public final class JdbcIntakeStore implements IntakeStore {
  private final Database database;
  private final JdbcEventInbox inbox;
  private final DbSchedulerJobQueue jobs;

  public JdbcIntakeStore(Database database, JdbcEventInbox inbox, DbSchedulerJobQueue jobs) {
    this.database = database;
    this.inbox = inbox;
    this.jobs = jobs;
  }

  @Override
  public List<Outcome> storeAndQueue(List<Arrival> arrivals) {
    List<Outcome> outcomes =
        database.inTransaction(
            connection -> {
              boolean[] stored = inbox.appendAll(arrivals);
              List<ContactId> contacts = new ArrayList<>();
              for (int i = 0; i < stored.length; i++) {
                if (stored[i]) {
                  contacts.add(arrivals.get(i).event().contactId());
                }
              }
              boolean[] queued = jobs.enqueueContactSyncsInTransaction(contacts);
              List<Outcome> each = new ArrayList<>(arrivals.size());
              int job = 0;
              for (boolean isNew : stored) {
                if (!isNew) {
                  each.add(Outcome.DUPLICATE);
                } else {
                  each.add(queued[job++] ? Outcome.QUEUED : Outcome.COALESCED);
                }
              }
              return each;
            });
    // GHL never resends a webhook we answered 2xx: it must outlive a power loss too.
    database.forceToDisk();
    if (outcomes.contains(Outcome.QUEUED)) {
      jobs.wake();
    }
    return outcomes;
  }
}
