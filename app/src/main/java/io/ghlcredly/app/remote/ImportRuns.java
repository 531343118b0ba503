package io.ghlcredly.app.remote;

import io.ghlcredly.app.operations.DryRunTally;
import io.ghlcredly.app.operations.ImportRun;
import io.ghlcredly.app.remote.OperatorWire.ImportRunJson;
import io.ghlcredly.app.remote.OperatorWire.PlanJson;
import io.ghlcredly.app.remote.OperatorWire.ProgressJson;
import io.ghlcredly.core.sync.ContactImporter;
import io.ghlcredly.core.sync.ImportProgress;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The imports a service runs for the {@code import} command: each on its own thread with the
 * service's job workers applying what it queues, at most one per location at a time, its progress
 * kept for the command to poll (the last {@value #KEPT} finished ones too). Closing stops the
 * running ones after their current page, as Ctrl-C stops the command's own import. Thread-safe.
 */
final class ImportRuns implements AutoCloseable {
  static final int KEPT = 20;
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(ImportRuns.class);

  private final ImportRun importRun;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Tracked> runs = new LinkedHashMap<>();

  ImportRuns(ImportRun importRun) {
    this.importRun = importRun;
  }

  /** Another import of the same location is running. */
  static final class Busy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Busy(String message) {
      super(message);
    }
  }

  /**
   * Starts an import on its own thread.
   *
   * @param show how many plans of a dry run to keep for the answer
   * @throws Busy when an import of the same location runs
   */
  synchronized Tracked start(ContactImporter.Request request, int show) {
    for (Tracked run : runs.values()) {
      if (!run.finished() && run.request.location().equals(request.location())) {
        throw new Busy(
            "an import of location "
                + request.location()
                + " is running in the service (run "
                + run.id
                + "); wait for it or stop it first");
      }
    }
    Tracked run = new Tracked(ids.incrementAndGet(), request, new DryRunTally(show));
    runs.put(run.id, run);
    forgetOldFinished();
    run.thread = Thread.ofVirtual().name("import-run-" + run.id).start(() -> execute(run));
    return run;
  }

  synchronized Optional<Tracked> find(long id) {
    return Optional.ofNullable(runs.get(id));
  }

  private void forgetOldFinished() {
    long finished = runs.values().stream().filter(Tracked::finished).count();
    Iterator<Tracked> oldestFirst = runs.values().iterator();
    while (finished > KEPT && oldestFirst.hasNext()) {
      if (oldestFirst.next().finished()) {
        oldestFirst.remove();
        finished--;
      }
    }
  }

  private void execute(Tracked run) {
    try {
      ImportRun.Result result = importRun.run(run.request, run, run.tally, run.stop);
      run.finish(result.end().complete() ? ImportRunJson.DONE : ImportRunJson.STOPPED, result);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.fail("the import was interrupted");
    } catch (RuntimeException e) {
      log.atWarn()
          .addKeyValue("run", run.id)
          .addKeyValue("locationId", run.request.location())
          .addKeyValue("cause", e.toString())
          .log("import run failed; the next run resumes from its checkpoint");
      run.fail(String.valueOf(e.getMessage()));
    }
  }

  /** Stops the running imports after their current page and waits for them a while. */
  @Override
  public void close() {
    List<Tracked> running;
    synchronized (this) {
      running = runs.values().stream().filter(run -> !run.finished()).toList();
    }
    running.forEach(Tracked::stop);
    for (Tracked run : running) {
      Thread thread = run.thread;
      if (thread == null) {
        continue;
      }
      try {
        if (!thread.join(STOP_GRACE)) {
          log.atWarn().addKeyValue("run", run.id).log("import run did not stop in time");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** One run and where it stands; its listener methods run on the run's thread. */
  static final class Tracked implements ImportRun.Listener {
    final long id;
    final ContactImporter.Request request;
    final DryRunTally tally;
    final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile @Nullable Thread thread;
    private volatile String state = ImportRunJson.WALKING;
    private volatile @Nullable ImportProgress started;
    private volatile @Nullable ImportProgress progress;
    private volatile boolean applyStarted;
    private volatile long applied;
    private volatile long toApply;
    private volatile boolean allApplied;
    private volatile @Nullable String error;

    Tracked(long id, ContactImporter.Request request, DryRunTally tally) {
      this.id = id;
      this.request = request;
      this.tally = tally;
    }

    @Override
    public void started(ImportProgress progress) {
      this.started = progress;
    }

    @Override
    public void pageDone(ImportProgress progress) {
      this.progress = progress;
    }

    @Override
    public void applying(long applied, long total) {
      this.toApply = total;
      this.applied = applied;
      this.applyStarted = true;
      this.state = ImportRunJson.APPLYING;
    }

    void finish(String state, ImportRun.Result result) {
      this.progress = result.end();
      this.allApplied = result.applied();
      this.state = state;
      ended.countDown();
    }

    void fail(String error) {
      this.error = error;
      this.state = ImportRunJson.FAILED;
      ended.countDown();
    }

    boolean finished() {
      return ended.getCount() == 0;
    }

    void stop() {
      stop.countDown();
    }

    ImportRunJson view() {
      ImportProgress first = started;
      ImportProgress last = progress;
      return new ImportRunJson(
          id,
          state,
          first == null ? null : ProgressJson.of(first),
          last == null ? null : ProgressJson.of(last),
          applyStarted,
          applied,
          toApply,
          allApplied,
          error,
          tally.stepsByRule(),
          tally.firstPlans().stream().map(PlanJson::of).toList());
    }
  }
}
