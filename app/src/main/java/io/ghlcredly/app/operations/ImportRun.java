package io.ghlcredly.app.operations;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.port.ContactDirectory;
import io.ghlcredly.core.port.CursorStore;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.sync.ContactImporter;
import io.ghlcredly.core.sync.ContactPlanner;
import io.ghlcredly.core.sync.EventIntake;
import io.ghlcredly.core.sync.ImportListener;
import io.ghlcredly.core.sync.ImportProgress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One import from start to end: the walk of a location ({@link ContactImporter}), then, unless it
 * is a dry run, the wait until the job workers have applied every contact it queued. The {@code
 * import} command runs it in its own process (with the job workers) when no service runs; a running
 * service runs it for the command otherwise. Not thread-safe: one run per instance at a time.
 */
public final class ImportRun {
  /** How often the wait for the job workers looks at the inbox. */
  public static final Duration POLL = Duration.ofMillis(500);

  private final ContactDirectory directory;
  private final ContactPlanner planner;
  private final EventIntake intake;
  private final CursorStore cursors;
  private final EventInbox inbox;
  private final InstantSource clock;

  public ImportRun(
      ContactDirectory directory,
      ContactPlanner planner,
      EventIntake intake,
      CursorStore cursors,
      EventInbox inbox,
      InstantSource clock) {
    this.directory = directory;
    this.planner = planner;
    this.intake = intake;
    this.cursors = cursors;
    this.inbox = inbox;
    this.clock = clock;
  }

  /** Follows a run: the walk, page by page, then the wait until applied. */
  public interface Listener {
    /** After the directory was counted and the checkpoint read, before the first page. */
    void started(ImportProgress progress);

    /** After each page. */
    void pageDone(ImportProgress progress);

    /**
     * While the job workers apply what the walk queued: first with {@code applied} 0, then after
     * each look at the inbox. Never called for a dry run or a stopped walk.
     */
    void applying(long applied, long total);
  }

  /**
   * How a run ended.
   *
   * @param end the counts at the end of the walk; {@link ImportProgress#complete()} tells whether
   *     it reached the last page
   * @param applied whether every contact it queued was applied (false for a dry run)
   */
  public record Result(ImportProgress end, boolean applied) {}

  /**
   * Runs the import until it is done or {@code stop} is counted down (after the current page, or
   * during the wait for the workers).
   *
   * @param tally filled with the plans of a dry run
   * @throws io.ghlcredly.core.error.ApiException when GHL fails (the checkpoint stays at the last
   *     completed page)
   */
  public Result run(
      ContactImporter.Request request, Listener listener, DryRunTally tally, CountDownLatch stop)
      throws InterruptedException {
    ContactImporter importer = new ContactImporter(directory, planner, intake, cursors, clock);
    Walk walk = new Walk(listener, tally, stop);
    ImportProgress end = importer.run(request, walk);
    boolean applied = !request.dryRun() && end.complete() && applyAll(walk.queued, listener, stop);
    return new Result(end, applied);
  }

  /** Waits until the inbox holds no pending event of the contacts this run queued. */
  private boolean applyAll(Deque<ContactId> queued, Listener listener, CountDownLatch stop)
      throws InterruptedException {
    long total = queued.size();
    while (true) {
      // Jobs run roughly in queue order: drop the applied ones from the front.
      while (!queued.isEmpty() && inbox.listPending(queued.peekFirst()).isEmpty()) {
        queued.removeFirst();
      }
      listener.applying(total - queued.size(), total);
      if (queued.isEmpty()) {
        return true;
      }
      if (stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
  }

  /** Passes the walk on to the listener and the tally, and remembers what it queued. */
  private static final class Walk implements ImportListener {
    final Deque<ContactId> queued = new ArrayDeque<>();
    private final Listener listener;
    private final DryRunTally tally;
    private final CountDownLatch stop;

    Walk(Listener listener, DryRunTally tally, CountDownLatch stop) {
      this.listener = listener;
      this.tally = tally;
      this.stop = stop;
    }

    @Override
    public void started(ImportProgress progress) {
      listener.started(progress);
    }

    @Override
    public void pageDone(ImportProgress progress) {
      listener.pageDone(progress);
    }

    @Override
    public void queued(ContactId contactId) {
      queued.addLast(contactId);
    }

    @Override
    public void planned(ContactPlanner.Plan plan) {
      tally.add(plan);
    }

    @Override
    public boolean stopRequested() {
      return stop.getCount() == 0;
    }
  }
}
