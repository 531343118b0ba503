package io.ghlcredly.storage;

import io.ghlcredly.core.port.IntakeStore;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link IntakeStore} on the inbox table and db-scheduler's table: a batch's inbox rows and job
 * rows are written in one transaction, then the workers are woken. A duplicate event stores nothing
 * and queues nothing. Thread-safe.
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
              List<Outcome> each = new ArrayList<>(arrivals.size());
              for (Arrival arrival : arrivals) {
                each.add(store(arrival));
              }
              return each;
            });
    if (outcomes.contains(Outcome.QUEUED)) {
      jobs.wake();
    }
    return outcomes;
  }

  private Outcome store(Arrival arrival) {
    if (!inbox.append(arrival.source(), arrival.event(), arrival.payload(), arrival.receivedAt())) {
      return Outcome.DUPLICATE;
    }
    return jobs.enqueueContactSyncInTransaction(arrival.event().contactId())
        ? Outcome.QUEUED
        : Outcome.COALESCED;
  }
}
