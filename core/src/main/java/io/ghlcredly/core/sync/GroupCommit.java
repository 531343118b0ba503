package io.ghlcredly.core.sync;

import io.ghlcredly.core.error.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Group commit: concurrent callers' items are written together, one batch per transaction, without
 * a timer. {@code writers} writer threads each take everything queued so far (up to {@code
 * maxBatch}) and write it, so while batches commit the next ones collect; a caller queues its item
 * and waits for its batch. If writing a batch failed, every caller of that batch gets the failure
 * (the writer must make a batch all or nothing). Written by hand: the pattern is a few lines and no
 * library in the build offers it. The writers are daemon virtual threads that live as long as the
 * process (or until {@link #close}). Thread-safe.
 *
 * @param <T> an item
 * @param <R> what writing gave one item
 */
final class GroupCommit<T, R> implements AutoCloseable {
  private final Function<List<T>, List<R>> writer;
  private final int maxBatch;
  private final Duration maxWait;
  private final LinkedBlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closed;

  /**
   * @param writer writes a batch, all or nothing, returning one result per item in order
   * @param writers batches written at once at most
   * @param maxWait how long a caller waits for its batch at most (see {@link #submit})
   */
  GroupCommit(Function<List<T>, List<R>> writer, int maxBatch, int writers, Duration maxWait) {
    if (maxBatch < 1 || writers < 1) {
      throw new IllegalArgumentException("maxBatch and writers must be at least 1");
    }
    this.writer = writer;
    this.maxBatch = maxBatch;
    this.maxWait = maxWait;
    for (int i = 0; i < writers; i++) {
      threads.add(Thread.ofVirtual().name("group-commit-" + i).start(this::writeForever));
    }
  }

  private record Pending<T, R>(T item, CompletableFuture<R> result) {}

  /**
   * Writes the item with whatever else is queued; returns its result once written.
   *
   * <p>When the batches are slow (the database is away: each attempt waits for a connection), a
   * caller gives up after {@code maxWait} with a {@link StorageException}, so that a webhook is
   * answered 429 (and resent) before its sender times out. An item not yet taken is then withdrawn;
   * one already in a batch may still be written, which a resend finds as a duplicate.
   *
   * @throws RuntimeException what the writer threw for this item's batch
   * @throws StorageException when the batch was not written within {@code maxWait}
   */
  R submit(T item) {
    Pending<T, R> mine = new Pending<>(item, new CompletableFuture<>());
    if (closed) {
      throw new IllegalStateException("closed: the application is stopping");
    }
    queue.add(mine);
    if (closed) {
      failQueued();
    }
    try {
      return mine.result().get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      queue.remove(mine);
      throw new StorageException(
          "not stored within " + maxWait + "; the database is slow or away", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      // The item may still be written: the caller must treat it as an unknown outcome.
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while its batch was written", e);
    }
  }

  /** Items queued and not yet taken into a batch (for tests). */
  int waiting() {
    return queue.size();
  }

  private void writeForever() {
    List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException closed) {
        return;
      }
      queue.drainTo(batch, maxBatch - 1);
      write(batch);
      batch.clear();
    }
  }

  private void write(List<Pending<T, R>> batch) {
    List<R> results;
    try {
      results = writer.apply(batch.stream().map(Pending::item).toList());
      if (results.size() != batch.size()) {
        throw new IllegalStateException(
            "the writer gave " + results.size() + " results for " + batch.size() + " items");
      }
    } catch (RuntimeException | Error e) {
      batch.forEach(pending -> pending.result().completeExceptionally(e));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(results.get(i));
    }
  }

  /**
   * Stops the writers once they finish their current batch; callers of items still queued get an
   * {@link IllegalStateException}.
   */
  @Override
  public void close() {
    closed = true;
    threads.forEach(Thread::interrupt);
    failQueued();
  }

  private void failQueued() {
    IllegalStateException stopped =
        new IllegalStateException("closed: the application is stopping");
    for (Pending<T, R> left = queue.poll(); left != null; left = queue.poll()) {
      left.result().completeExceptionally(stopped);
    }
  }
}
