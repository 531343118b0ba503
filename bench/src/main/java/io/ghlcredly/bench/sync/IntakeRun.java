package io.ghlcredly.bench.sync;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.sync.EventIntake;
import io.ghlcredly.core.sync.SyncCounters;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.DatabaseSettings;
import io.ghlcredly.storage.DbSchedulerJobQueue;
import io.ghlcredly.storage.JdbcEventInbox;
import io.ghlcredly.storage.JdbcIntakeStore;
import io.ghlcredly.storage.JobQueueSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The intake's storage path alone, in this JVM: {@code senders} virtual threads each storing events
 * (another contact each) through {@link EventIntake}, one by one (an inbox insert and a job insert,
 * each committed) or by group commit (concurrent callers' rows in one transaction). No HTTP, no
 * signature, no workers: what the database path costs, before and after, measured back to back on
 * the same database so that the machine's other load affects both alike.
 */
final class IntakeRun {
  private static final int ROUNDS = 3;

  private final BenchSettings settings;
  private final String db;
  private final PrintStream out;

  IntakeRun(BenchSettings settings, String db, PrintStream out) {
    this.settings = settings;
    this.db = db;
    this.out = out;
  }

  /** Events per second stored one by one and by group commit (best of the rounds). */
  record Result(String db, int events, int senders, double oneByOne, double grouped) {}

  Result run() {
    Path folder;
    try {
      folder = Files.createTempDirectory(settings.work(), "ghlcredly-bench-intake-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (BenchDatabase database =
            db.equals("pg")
                ? BenchDatabase.postgres(Objects.requireNonNull(settings.pgUrl()))
                : BenchDatabase.h2(folder);
        Database storage = Database.open(DatabaseSettings.of(database.url()));
        DbSchedulerJobQueue jobs =
            DbSchedulerJobQueue.create(
                storage, JobQueueSettings.defaults(), InstantSource.system())) {
      JdbcEventInbox inbox = new JdbcEventInbox(storage);
      EventIntake oneByOne =
          new EventIntake(inbox, jobs, new SyncCounters(), InstantSource.system());
      EventIntake grouped =
          new EventIntake(
              new JdbcIntakeStore(storage, inbox, jobs),
              new SyncCounters(),
              InstantSource.system());
      AtomicInteger ids = new AtomicInteger();
      store(oneByOne, settings.warmup(), ids);
      store(grouped, settings.warmup(), ids);
      double bestOne = 0;
      double bestGrouped = 0;
      for (int round = 0; round < ROUNDS; round++) {
        double one = store(oneByOne, settings.ingestEvents(), ids);
        double group = store(grouped, settings.ingestEvents(), ids);
        out.printf(
            "[%s] intake round %d: %s/s one by one, %s/s grouped%n",
            db, round + 1, Markdown.number(one), Markdown.number(group));
        bestOne = Math.max(bestOne, one);
        bestGrouped = Math.max(bestGrouped, group);
      }
      Result result =
          new Result(db, settings.ingestEvents(), settings.senders(), bestOne, bestGrouped);
      out.printf(
          "[%s] intake storage path: %s events/s one by one, %s events/s by group commit%n",
          db, Markdown.number(result.oneByOne()), Markdown.number(result.grouped()));
      return result;
    }
  }

  /** Stores {@code count} events with {@code senders} threads; returns events per second. */
  private double store(EventIntake intake, int count, AtomicInteger ids) {
    AtomicInteger left = new AtomicInteger(count);
    long start = System.nanoTime();
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int s = 0; s < settings.senders(); s++) {
        senders.execute(
            () -> {
              while (left.getAndDecrement() > 0) {
                int id = ids.incrementAndGet();
                intake.accept(
                    "bench",
                    new SyncEvent.ContactTagsUpdated(
                        new EventId("e-" + id),
                        new ContactId("c-" + id),
                        new LocationId("bench"),
                        Instant.now()),
                    "{}");
              }
            });
      }
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }
}
