package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.core.job.ContactJobHandler;
import io.ghlcredly.core.job.JobListener;
import io.ghlcredly.core.job.RetryClassifier;
import io.ghlcredly.core.job.RetryPolicy;
import io.ghlcredly.core.model.ContactId;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link DbSchedulerJobQueue} must do, on each database. */
public abstract class JobQueueContract extends StoreFixture {
  private static final ContactId ANNA = new ContactId("contact-anna");
  private static final ContactId BEN = new ContactId("contact-ben");
  private static final Duration WAIT = Duration.ofSeconds(15);

  /** Fast polling and heartbeats (a dead job is noticed after 4 x 100 ms). */
  static final JobQueueSettings FAST =
      new JobQueueSettings(
          4,
          Duration.ofMillis(50),
          Duration.ofMillis(100),
          4,
          Duration.ofMillis(100),
          Duration.ofMillis(300));

  private final List<DbSchedulerJobQueue> queues = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stopQueues() {
    release.countDown();
    queues.forEach(DbSchedulerJobQueue::close);
  }

  private DbSchedulerJobQueue newQueue() {
    return newQueue(InstantSource.system());
  }

  private DbSchedulerJobQueue newQueue(InstantSource clock) {
    DbSchedulerJobQueue queue = DbSchedulerJobQueue.create(database, FAST, clock);
    queues.add(queue);
    return queue;
  }

  private static RetryClassifier classifier(int maxAttempts) {
    return new RetryClassifier(
        new RetryPolicy(maxAttempts, Duration.ofMillis(200), Duration.ofMillis(400)),
        new SplittableRandom(7));
  }

  private static StorageException transientFailure() {
    return new StorageException("database briefly away", new SQLException("connection reset"));
  }

  private void awaitReleaseIgnoringInterrupts() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (release.getCount() > 0 && System.nanoTime() < deadline) {
      try {
        release.await(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        // A crashed instance does not react to its scheduler's shutdown: keep blocking.
      }
    }
  }

  @Test
  void secondEnqueueOfAQueuedContactCoalesces() {
    DbSchedulerJobQueue queue = newQueue();

    assertThat(queue.enqueueContactSync(ANNA)).isTrue();
    assertThat(queue.enqueueContactSync(ANNA)).isFalse();
    assertThat(queue.enqueueContactSync(BEN)).isTrue();

    assertThat(queue.countQueued()).isEqualTo(2);
  }

  @Test
  void storesTheTimeAJobIsDueAsTheTrueInstant() {
    Instant now = Instant.parse("2026-11-01T05:30:00.250Z"); // New York's fall-back hour
    DbSchedulerJobQueue queue = newQueue(InstantSource.fixed(now));

    queue.enqueueContactSync(ANNA);

    assertThat(
            new Jdbc(database)
                .queryOne(
                    "SELECT execution_time FROM scheduled_tasks WHERE task_instance = ?",
                    row -> Jdbc.instant(row, "execution_time"),
                    ANNA.value()))
        .contains(now);
  }

  @Test
  void aSettlingJobTakesLaterEventsOfItsContactAndStartsWhenDueWithoutWaitingForAPoll() {
    Duration settle = Duration.ofMillis(400);
    // Polls 30 s apart: a start within seconds comes from the queue's own wake.
    JobQueueSettings settling =
        new JobQueueSettings(
            4,
            Duration.ofSeconds(30),
            Duration.ofMillis(100),
            4,
            Duration.ofSeconds(30),
            Duration.ofMillis(300),
            settle);
    DbSchedulerJobQueue queue =
        DbSchedulerJobQueue.create(database, settling, InstantSource.system());
    queues.add(queue);
    RecordingHandler handler = RecordingHandler.succeeding();
    queue.start(handler, classifier(3), () -> {});

    Instant queued = Instant.now();
    assertThat(queue.enqueueContactSync(ANNA)).isTrue();
    assertThat(queue.enqueueContactSync(ANNA)).as("a second event joins the waiting job").isFalse();
    database.inTransaction(connection -> queue.enqueueContactSyncsInTransaction(List.of(BEN)));
    queue.wake();

    await().atMost(Duration.ofSeconds(10)).until(() -> handler.runs.size() == 2);
    assertThat(handler.runs)
        .extracting(RecordingHandler.Run::contactId)
        .containsExactlyInAnyOrder(ANNA, BEN);
    assertThat(handler.runs)
        .allSatisfy(run -> assertThat(run.at()).isAfterOrEqualTo(queued.plus(settle)));
  }

  @Test
  void runsQueuedJobsOnceStartedAndRemovesThem() {
    DbSchedulerJobQueue queue = newQueue();
    RecordingHandler handler = RecordingHandler.succeeding();
    queue.enqueueContactSync(ANNA);

    queue.start(handler, classifier(3), () -> {});
    queue.enqueueContactSync(BEN);

    await().atMost(WAIT).until(() -> queue.countQueued() == 0);
    assertThat(handler.runs)
        .extracting(RecordingHandler.Run::contactId)
        .containsExactlyInAnyOrder(ANNA, BEN);
    assertThat(handler.giveUps).isEmpty();
  }

  @Test
  void retriesATransientFailureAfterABackoffThenSucceeds() {
    DbSchedulerJobQueue queue = newQueue();
    RecordingHandler handler =
        new RecordingHandler(
            (contactId, attempt) -> {
              if (attempt == 1) {
                throw transientFailure();
              }
            });
    queue.enqueueContactSync(ANNA);

    queue.start(handler, classifier(3), () -> {});

    await().atMost(WAIT).until(() -> handler.runsOf(ANNA) == 2 && queue.countQueued() == 0);
    Duration between = Duration.between(handler.runs.get(0).at(), handler.runs.get(1).at());
    // The policy waits between half and all of 200 ms after the first failure.
    assertThat(between).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(handler.giveUps).isEmpty();
  }

  @Test
  void givesUpOnceAfterTheLastAttempt() {
    DbSchedulerJobQueue queue = newQueue();
    RecordingHandler handler =
        new RecordingHandler(
            (contactId, attempt) -> {
              throw transientFailure();
            });
    queue.enqueueContactSync(ANNA);

    queue.start(handler, classifier(3), () -> {});

    await().atMost(WAIT).until(() -> handler.giveUps.size() == 1 && queue.countQueued() == 0);
    RecordingHandler.GiveUp giveUp = handler.giveUps.get(0);
    assertThat(giveUp.contactId()).isEqualTo(ANNA);
    assertThat(giveUp.attempts()).isEqualTo(3);
    assertThat(giveUp.cause()).contains("gave up after 3 attempts", "database briefly away");
    await()
        .during(Duration.ofMillis(600))
        .atMost(WAIT)
        .until(() -> handler.runsOf(ANNA) == 3 && handler.giveUps.size() == 1);
  }

  @Test
  void tellsTheListenerHowEachRunEnded() {
    List<JobListener.Outcome> outcomes = new CopyOnWriteArrayList<>();
    DbSchedulerJobQueue queue =
        DbSchedulerJobQueue.create(database, FAST, InstantSource.system(), outcomes::add);
    queues.add(queue);
    RecordingHandler handler =
        new RecordingHandler(
            (contactId, attempt) -> {
              if (contactId.equals(ANNA)) {
                throw transientFailure();
              }
            });
    queue.enqueueContactSync(ANNA);
    queue.enqueueContactSync(BEN);

    queue.start(handler, classifier(2), () -> {});

    await().atMost(WAIT).until(() -> outcomes.size() >= 3 && queue.countQueued() == 0);
    assertThat(handler.giveUps).hasSize(1);
    assertThat(outcomes)
        .containsExactlyInAnyOrder(
            JobListener.Outcome.APPLIED,
            JobListener.Outcome.RETRIED,
            JobListener.Outcome.DEAD_LETTERED);
  }

  @Test
  void givesUpAtOnceOnAPermanentFailure() {
    DbSchedulerJobQueue queue = newQueue();
    RecordingHandler handler =
        new RecordingHandler(
            (contactId, attempt) -> {
              throw new IllegalArgumentException("contact has no email");
            });
    queue.enqueueContactSync(ANNA);

    queue.start(handler, classifier(5), () -> {});

    await().atMost(WAIT).until(() -> handler.giveUps.size() == 1 && queue.countQueued() == 0);
    assertThat(handler.giveUps.get(0).attempts()).isEqualTo(1);
    assertThat(handler.giveUps.get(0).cause()).contains("contact has no email");
    assertThat(handler.runsOf(ANNA)).isEqualTo(1);
  }

  @Test
  void runsOneJobPerContactAtATimeAndCoalescesWhileRunning() {
    DbSchedulerJobQueue queue = newQueue();
    CountDownLatch annaStarted = new CountDownLatch(1);
    RecordingHandler handler =
        new RecordingHandler(
            (contactId, attempt) -> {
              if (contactId.equals(ANNA) && attempt == 1) {
                annaStarted.countDown();
                awaitReleaseIgnoringInterrupts();
              }
            });
    queue.enqueueContactSync(ANNA);
    queue.start(handler, classifier(3), () -> {});
    await().atMost(WAIT).until(() -> annaStarted.getCount() == 0);

    assertThat(queue.enqueueContactSync(ANNA)).isFalse();
    assertThat(queue.enqueueContactSync(BEN)).isTrue();
    await().atMost(WAIT).until(() -> handler.runsOf(BEN) == 1);
    assertThat(handler.runsOf(ANNA)).isEqualTo(1);

    release.countDown();
    await().atMost(WAIT).until(() -> queue.countQueued() == 0);
    assertThat(queue.enqueueContactSync(ANNA)).isTrue();
    await().atMost(WAIT).until(() -> handler.runsOf(ANNA) == 2 && queue.countQueued() == 0);
    assertThat(handler.mostAtOnceForOneContact.get()).isEqualTo(1);
  }

  @Test
  void anotherInstanceRunsTheJobOfAnInstanceThatDied() {
    DbSchedulerJobQueue dying = newQueue();
    CountDownLatch started = new CountDownLatch(1);
    RecordingHandler stuck =
        new RecordingHandler(
            (contactId, attempt) -> {
              started.countDown();
              awaitReleaseIgnoringInterrupts();
            });
    dying.enqueueContactSync(ANNA);
    dying.start(stuck, classifier(3), () -> {});
    await().atMost(WAIT).until(() -> started.getCount() == 0);

    dying.close(); // stops heartbeats while the job is still "running": as if the process died
    assertThat(dying.countQueued()).isEqualTo(1);

    DbSchedulerJobQueue survivor = newQueue();
    RecordingHandler handler = RecordingHandler.succeeding();
    survivor.start(handler, classifier(3), () -> {});

    await().atMost(WAIT).until(() -> handler.runsOf(ANNA) == 1);
    assertThat(stuck.runsOf(ANNA)).isEqualTo(1);
  }

  @Test
  void runsThePeriodicSweepRepeatedly() {
    DbSchedulerJobQueue queue = newQueue();
    AtomicInteger sweeps = new AtomicInteger();

    queue.start(RecordingHandler.succeeding(), classifier(3), sweeps::incrementAndGet);

    await().atMost(WAIT).until(() -> sweeps.get() >= 3);
  }

  @Test
  void runsRecurringWorkBesidesTheSweep() {
    DbSchedulerJobQueue queue = newQueue();
    AtomicInteger passes = new AtomicInteger();

    queue.start(
        RecordingHandler.succeeding(),
        classifier(3),
        () -> {},
        List.of(
            new DbSchedulerJobQueue.RecurringWork(
                "ghl-reconcile", Duration.ofMillis(100), passes::incrementAndGet)));

    await().atMost(WAIT).until(() -> passes.get() >= 2);
  }

  @Test
  void instancesSharingTheDatabaseNeverRunOneContactsJobsAtOnce() {
    RecordingHandler shared = new RecordingHandler((contactId, attempt) -> pause(5));
    AtomicInteger ranOnFirst = new AtomicInteger();
    AtomicInteger ranOnSecond = new AtomicInteger();
    DbSchedulerJobQueue first = newQueue();
    DbSchedulerJobQueue second = newQueue();
    first.start(counting(shared, ranOnFirst), classifier(3), () -> {});
    second.start(counting(shared, ranOnSecond), classifier(3), () -> {});

    for (int round = 0; round < 30; round++) {
      for (int contact = 0; contact < 6; contact++) {
        DbSchedulerJobQueue via = (round + contact) % 2 == 0 ? first : second;
        via.enqueueContactSync(new ContactId("contact-" + contact));
      }
      pause(3);
    }

    await().atMost(WAIT).until(() -> first.countQueued() == 0);
    assertThat(shared.mostAtOnceForOneContact.get()).isEqualTo(1);
    assertThat(ranOnFirst.get()).isPositive();
    assertThat(ranOnSecond.get()).isPositive();
  }

  @Test
  void recurringWorkRunsOnOneInstanceAtATime() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    AtomicInteger passes = new AtomicInteger();
    Runnable pass =
        () -> {
          mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
          pause(60);
          running.decrementAndGet();
          passes.incrementAndGet();
        };
    for (int instance = 0; instance < 2; instance++) {
      newQueue()
          .start(
              RecordingHandler.succeeding(),
              classifier(3),
              () -> {},
              List.of(
                  new DbSchedulerJobQueue.RecurringWork(
                      "ghl-reconcile", Duration.ofMillis(20), pass)));
    }

    await().atMost(WAIT).until(() -> passes.get() >= 6);
    assertThat(mostAtOnce.get()).isEqualTo(1);
  }

  @Test
  void writesTheInstanceNameIntoTheJobsItRuns() {
    DbSchedulerJobQueue named =
        DbSchedulerJobQueue.create(
            database, FAST, InstantSource.system(), JobListener.NONE, "worker-7");
    queues.add(named);
    CountDownLatch started = new CountDownLatch(1);
    named.enqueueContactSync(ANNA);
    named.start(
        new RecordingHandler(
            (contactId, attempt) -> {
              started.countDown();
              awaitReleaseIgnoringInterrupts();
            }),
        classifier(3),
        () -> {});
    await().atMost(WAIT).until(() -> started.getCount() == 0);

    assertThat(
            new Jdbc(database)
                .queryOne(
                    "SELECT picked_by FROM scheduled_tasks WHERE task_instance = ?",
                    row -> String.valueOf(row.getString("picked_by")),
                    ANNA.value()))
        .contains("worker-7");
  }

  /** Runs {@code handler}, counting the runs of one instance. */
  private static ContactJobHandler counting(RecordingHandler handler, AtomicInteger runs) {
    return new ContactJobHandler() {
      @Override
      public void run(ContactId contactId) {
        runs.incrementAndGet();
        handler.run(contactId);
      }

      @Override
      public void giveUp(ContactId contactId, String cause, int attempts) {
        handler.giveUp(contactId, cause, attempts);
      }
    };
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
