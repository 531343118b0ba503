package io.ghlcredly.storage;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.core.job.ContactJobHandler;
import io.ghlcredly.core.job.JobListener;
import io.ghlcredly.core.job.RetryClassifier;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.port.JobQueue;
import io.ghlcredly.storage.internal.ClassifyingFailureHandler;
import io.ghlcredly.storage.internal.H2JdbcCustomization;
import io.ghlcredly.storage.internal.SqlStates;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-contact job queue on db-scheduler, in table {@code scheduled_tasks}. A job is a one-time
 * execution of task {@value #CONTACT_SYNC} whose instance id is the contact id, so at most one job
 * per contact is queued or running, across every instance sharing the database. Failures go to the
 * {@link RetryClassifier}; jobs of a crashed instance are run again once their heartbeats stop.
 *
 * <p>With a settle window ({@link JobQueueSettings#settle()}), a new job is due that much later and
 * this instance looks for it then (not at the next poll): events of the same contact that arrive
 * meanwhile join the queued job, so a burst of webhooks costs one read of the contact.
 *
 * <p>Jobs can be queued before {@link #start}; they run once it is called. Thread-safe.
 */
public final class DbSchedulerJobQueue implements JobQueue, AutoCloseable {
  /** The task name of per-contact sync jobs. */
  public static final String CONTACT_SYNC = "contact-sync";

  /** The task name of the recurring pending-event sweep. */
  public static final String PENDING_SWEEP = "pending-sweep";

  private static final Logger log = LoggerFactory.getLogger(DbSchedulerJobQueue.class);

  /** A wake comes this much after the window, so that the settled jobs are due when it looks. */
  private static final Duration WAKE_MARGIN = Duration.ofMillis(2);

  /** A due, unpicked one-time execution without data, as db-scheduler writes one (priority 0). */
  private static final String INSERT_JOB =
      "INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,"
          + " version, priority) VALUES (?, ?, NULL, ?, FALSE, 1, 0)";

  private final Database database;
  private final Jdbc jdbc;
  private final JobQueueSettings settings;
  private final InstantSource clock;
  private final @Nullable String instanceName;
  private final OneTimeTask<Void> contactSync;
  private final SchedulerClient client;
  private final AtomicReference<@Nullable ContactJobHandler> handler = new AtomicReference<>();
  private final AtomicReference<@Nullable RetryClassifier> classifier = new AtomicReference<>();
  private final AtomicReference<@Nullable Scheduler> scheduler = new AtomicReference<>();
  // Wakes the workers when settled jobs fall due; virtual threads, nothing to keep the JVM alive.
  private final ScheduledExecutorService settledWakes =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("job-wake").factory());

  private DbSchedulerJobQueue(
      Database database,
      JobQueueSettings settings,
      InstantSource clock,
      JobListener listener,
      @Nullable String instanceName) {
    this.database = database;
    this.jdbc = new Jdbc(database);
    this.settings = settings;
    this.clock = clock;
    this.instanceName = instanceName;
    this.contactSync =
        Tasks.oneTime(CONTACT_SYNC)
            .onFailure(
                new ClassifyingFailureHandler(
                    this::requireHandler, this::requireClassifier, clock, listener))
            .execute(
                (instance, context) -> {
                  requireHandler().run(new ContactId(instance.getId()));
                  listener.jobFinished(JobListener.Outcome.APPLIED);
                });
    this.client =
        SchedulerClient.Builder.create(database.dataSource(), contactSync)
            .jdbcCustomization(jdbcCustomization(database.dialect()))
            .build();
  }

  public static DbSchedulerJobQueue create(
      Database database, JobQueueSettings settings, InstantSource clock) {
    return create(database, settings, clock, JobListener.NONE);
  }

  /** A queue that tells {@code listener} how each run of a contact's job ended. */
  public static DbSchedulerJobQueue create(
      Database database, JobQueueSettings settings, InstantSource clock, JobListener listener) {
    return new DbSchedulerJobQueue(database, settings, clock, listener, null);
  }

  /**
   * A queue whose scheduler goes by {@code instanceName}: the name db-scheduler writes into {@code
   * picked_by} of the jobs this instance runs, so operators see which instance holds a job.
   */
  public static DbSchedulerJobQueue create(
      Database database,
      JobQueueSettings settings,
      InstantSource clock,
      JobListener listener,
      String instanceName) {
    return new DbSchedulerJobQueue(database, settings, clock, listener, instanceName);
  }

  /**
   * Queues a sync of the contact unless one is queued or running.
   *
   * @throws StorageException when the database cannot be reached
   */
  @Override
  public boolean enqueueContactSync(ContactId contactId) {
    Scheduler running = scheduler.get();
    SchedulerClient active = running != null ? running : client;
    boolean queued;
    try {
      queued = active.scheduleIfNotExists(contactSync.instance(contactId.value()), dueTime());
    } catch (RuntimeException e) {
      throw new StorageException("cannot queue the sync of contact " + contactId, e);
    }
    if (queued && !settings.settle().isZero()) {
      wake(); // db-scheduler starts at once only jobs due now
    }
    return queued;
  }

  /** When a job queued now is due: after the settle window. */
  private Instant dueTime() {
    return clock.instant().plus(settings.settle());
  }

  /**
   * Queues a sync of each contact unless one is queued or running, in the caller's transaction
   * (inside {@link Database#inTransaction}), so that the jobs commit or roll back with the events
   * that asked for them; on PostgreSQL in one round trip (a JDBC batch). Writes db-scheduler's rows
   * itself: db-scheduler cannot join our transaction. Call {@link #wake()} after the commit so that
   * the jobs start as soon as they are due.
   *
   * @return for each contact, in order, whether a job was queued (false: its job was queued or
   *     running already, or an earlier contact of the list is the same)
   * @throws StorageException when the database fails
   */
  public boolean[] enqueueContactSyncsInTransaction(List<ContactId> contactIds) {
    if (!database.inTransaction()) {
      throw new IllegalStateException("not inside a transaction");
    }
    boolean[] queued = new boolean[contactIds.size()];
    Instant due = dueTime();
    switch (database.dialect()) {
      case POSTGRESQL -> {
        List<@Nullable Object[]> rows = new ArrayList<>(contactIds.size());
        for (ContactId contactId : contactIds) {
          rows.add(new Object[] {CONTACT_SYNC, contactId.value(), due});
        }
        int[] counts =
            jdbc.batchCounts(
                INSERT_JOB + " ON CONFLICT (task_name, task_instance) DO NOTHING", rows);
        for (int i = 0; i < queued.length; i++) {
          queued[i] = counts[i] == 1;
        }
      }
      // H2 rolls back only the failed statement: the transaction goes on.
      case H2 -> {
        for (int i = 0; i < queued.length; i++) {
          queued[i] =
              insertCatchingDuplicate(new Object[] {CONTACT_SYNC, contactIds.get(i).value(), due});
        }
      }
    }
    return queued;
  }

  private boolean insertCatchingDuplicate(Object[] params) {
    try {
      return jdbc.update(INSERT_JOB, params) == 1;
    } catch (StorageException e) {
      if (SqlStates.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Lets the workers look for due jobs when the ones just queued fall due (now, or after the settle
   * window) rather than at the next poll.
   */
  public void wake() {
    if (settings.settle().isZero()) {
      checkForDueJobs();
      return;
    }
    try {
      // Nothing to wait for: a wake that failed only leaves the jobs to the next poll.
      ScheduledFuture<?> unused =
          settledWakes.schedule(
              this::checkForDueJobs,
              settings.settle().plus(WAKE_MARGIN).toNanos(),
              TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      // Closed: the jobs run wherever the queue runs next.
    }
  }

  private void checkForDueJobs() {
    Scheduler running = scheduler.get();
    if (running != null) {
      running.triggerCheckForDueExecutions();
    }
  }

  /**
   * Starts running jobs with the handler, and the sweep every {@code settings.sweepEvery()}.
   *
   * @throws IllegalStateException when called twice
   */
  public void start(
      ContactJobHandler jobHandler, RetryClassifier retryClassifier, Runnable periodicSweep) {
    start(jobHandler, retryClassifier, periodicSweep, List.of());
  }

  /**
   * Recurring work besides the sweep: task {@code name} runs {@code work} every {@code every}
   * (fixed delay), once per cluster — db-scheduler runs a recurring task on one instance at a time.
   * A failure is logged and the work runs again at the next period.
   */
  public record RecurringWork(String name, Duration every, Runnable work) {
    public RecurringWork {
      if (name.isBlank() || name.equals(CONTACT_SYNC) || name.equals(PENDING_SWEEP)) {
        throw new IllegalArgumentException("invalid recurring task name: " + name);
      }
      if (every.isNegative() || every.isZero()) {
        throw new IllegalArgumentException("every must be positive: " + every);
      }
    }
  }

  /**
   * Starts running jobs with the handler, the sweep every {@code settings.sweepEvery()}, and each
   * recurring work item.
   *
   * @throws IllegalStateException when called twice
   */
  public void start(
      ContactJobHandler jobHandler,
      RetryClassifier retryClassifier,
      Runnable periodicSweep,
      List<RecurringWork> recurring) {
    if (!handler.compareAndSet(null, jobHandler)) {
      throw new IllegalStateException("the job queue was started already");
    }
    classifier.set(retryClassifier);
    RecurringTask<Void> sweep =
        Tasks.recurring(PENDING_SWEEP, Schedules.fixedDelay(settings.sweepEvery()))
            .execute((instance, context) -> periodicSweep.run());
    List<RecurringTask<?>> startTasks = new ArrayList<>();
    startTasks.add(sweep);
    for (RecurringWork item : recurring) {
      startTasks.add(
          Tasks.recurring(item.name(), Schedules.fixedDelay(item.every()))
              .execute((instance, context) -> item.work().run()));
    }
    SchedulerBuilder builder =
        Scheduler.create(database.dataSource(), List.of(contactSync))
            .startTasks(startTasks)
            .threads(settings.threads())
            .pollingInterval(settings.pollingInterval())
            .heartbeatInterval(settings.heartbeatInterval())
            .missedHeartbeatsLimit(settings.missedHeartbeatsLimit())
            .shutdownMaxWait(settings.shutdownWait())
            .jdbcCustomization(jdbcCustomization(database.dialect()))
            .clock(clock::instant)
            // ClassifyingFailureHandler logs each failure with what happens next.
            .failureLogging(LogLevel.DEBUG, true)
            .enableImmediateExecution();
    if (instanceName != null) {
      builder.schedulerName(new SchedulerName.Fixed(instanceName));
    }
    if (database.dialect() == Dialect.POSTGRESQL) {
      // SELECT ... FOR UPDATE SKIP LOCKED: instances sharing the database do not race for rows.
      builder.pollUsingLockAndFetch(0.5, 1.0);
    }
    Scheduler started = builder.build();
    started.start();
    scheduler.set(started);
    log.atInfo()
        .addKeyValue("threads", settings.threads())
        .addKeyValue("dialect", database.dialect())
        .addKeyValue("instance", instanceName)
        .addKeyValue("failoverAfter", settings.deadAfter())
        .addKeyValue("settle", settings.settle())
        .log("job queue started");
  }

  /** Contact-sync jobs queued or running (a finished job's row is deleted). */
  public long countQueued() {
    return new Jdbc(database)
        .queryLong("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?", CONTACT_SYNC);
  }

  /** Stops taking jobs and waits up to {@code settings.shutdownWait()} for running ones. */
  @Override
  public void close() {
    settledWakes.shutdownNow();
    Scheduler running = scheduler.getAndSet(null);
    if (running != null) {
      running.stop();
    }
  }

  private ContactJobHandler requireHandler() {
    ContactJobHandler current = handler.get();
    if (current == null) {
      throw new IllegalStateException("the job queue is not started");
    }
    return current;
  }

  private RetryClassifier requireClassifier() {
    RetryClassifier current = classifier.get();
    if (current == null) {
      throw new IllegalStateException("the job queue is not started");
    }
    return current;
  }

  // Chosen here rather than detected: db-scheduler does not know H2.
  private static JdbcCustomization jdbcCustomization(Dialect dialect) {
    return switch (dialect) {
      case H2 -> new H2JdbcCustomization();
      case POSTGRESQL -> new PostgreSqlJdbcCustomization(false, true);
    };
  }
}
