package io.ghlcredly.app;

import io.ghlcredly.app.config.StorageConfig;
import io.ghlcredly.core.port.ActionJournal;
import io.ghlcredly.core.port.AdminSessionStore;
import io.ghlcredly.core.port.ChangeLog;
import io.ghlcredly.core.port.DeadLetterStore;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.IssuanceLedger;
import io.ghlcredly.core.port.JobQueue;
import io.ghlcredly.core.port.OperatorStore;
import io.ghlcredly.core.port.SyncStateStore;
import io.ghlcredly.core.sync.DeadLetterReplayer;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.DatabaseSettings;
import io.ghlcredly.storage.DbSchedulerJobQueue;
import io.ghlcredly.storage.JdbcActionJournal;
import io.ghlcredly.storage.JdbcAdminSessionStore;
import io.ghlcredly.storage.JdbcChangeLog;
import io.ghlcredly.storage.JdbcDeadLetterStore;
import io.ghlcredly.storage.JdbcEventInbox;
import io.ghlcredly.storage.JdbcIssuanceLedger;
import io.ghlcredly.storage.JdbcOperatorStore;
import io.ghlcredly.storage.JdbcSyncStateStore;
import io.ghlcredly.storage.JobQueueSettings;
import java.time.InstantSource;

/**
 * The configured database and its stores for operator commands that run in their own process (dead
 * letters, audit, operators): no HTTP server, no job workers, no connectors and no secret key. Jobs
 * it queues go into the shared queue table, where a running {@code serve} instance picks them up.
 * Thread-safe.
 */
public final class OperatorStorage implements AutoCloseable {
  // An operator command runs one query at a time.
  private static final int POOL_SIZE = 2;

  private final Database database;
  private final DbSchedulerJobQueue jobs;
  private final EventInbox inbox;
  private final SyncStateStore state;
  private final IssuanceLedger ledger;
  private final DeadLetterStore deadLetters;
  private final ActionJournal journal;
  private final OperatorStore operators;
  private final AdminSessionStore sessions;
  private final InstantSource clock;

  private OperatorStorage(Database database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
    this.jobs = DbSchedulerJobQueue.create(database, JobQueueSettings.defaults(), clock);
    this.inbox = new JdbcEventInbox(database);
    this.state = new JdbcSyncStateStore(database);
    this.ledger = new JdbcIssuanceLedger(database);
    this.deadLetters = new JdbcDeadLetterStore(database);
    this.journal = new JdbcActionJournal(database);
    this.operators = new JdbcOperatorStore(database);
    this.sessions = new JdbcAdminSessionStore(database);
  }

  /**
   * Opens the configured database (migrating its schema like {@code serve} does).
   *
   * @throws io.ghlcredly.core.error.StorageException when it cannot be reached
   */
  public static OperatorStorage open(StorageConfig storage, InstantSource clock) {
    Database database =
        Database.open(
            new DatabaseSettings(
                storage.url(),
                storage.username(),
                storage.password(),
                Math.min(POOL_SIZE, storage.maxPoolSize())));
    return new OperatorStorage(database, clock);
  }

  public EventInbox inbox() {
    return inbox;
  }

  public IssuanceLedger ledger() {
    return ledger;
  }

  public DeadLetterStore deadLetters() {
    return deadLetters;
  }

  public ActionJournal journal() {
    return journal;
  }

  /** The named operators who sign in to the dashboard. */
  public OperatorStore operators() {
    return operators;
  }

  /** Changes made through the browser or the admin API, with who made them. */
  public ChangeLog changes() {
    return new JdbcChangeLog(database);
  }

  /** The dashboard's sessions, for ending an operator's. */
  public AdminSessionStore sessions() {
    return sessions;
  }

  /** Queues without running anything: the workers of a {@code serve} instance run the jobs. */
  public JobQueue jobs() {
    return jobs;
  }

  /** Contact-sync jobs queued or running. */
  public long queuedJobs() {
    return jobs.countQueued();
  }

  public DeadLetterReplayer replayer() {
    return new DeadLetterReplayer(deadLetters, inbox, state, ledger, journal, jobs, clock);
  }

  @Override
  public void close() {
    jobs.close();
    database.close();
  }
}
