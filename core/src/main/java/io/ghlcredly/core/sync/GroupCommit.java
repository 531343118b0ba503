package io.ghlcredly.core.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Group commit: concurrent callers' items are written together, one batch per database round trip,
 * without a timer. A caller queues its item, then takes the writer lock; whoever holds it writes
 * everything queued so far (up to {@code maxBatch}) while the others wait for the lock, so while
 * one batch commits the next one collects. A caller returns once the batch holding its item was
 * written; if writing it failed, every caller of that batch gets the failure (the writer must make
 * a batch all or nothing). Written by hand: the pattern is a dozen lines and no library in the
 * build offers it. Thread-safe; the lock is a {@link ReentrantLock} so waiting virtual threads do
 * not pin their carriers.
 *
 * @param <T> an item
 * @param <R> what writing gave one item
 */
final class GroupCommit<T, R> {
  private final Function<List<T>, List<R>> writer;
  private final int maxBatch;
  private final ConcurrentLinkedQueue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();
  private final Semaphore writers;

  /**
   * @param writer writes a batch, all or nothing, returning one result per item in order
   * @param writers batches written at once at most
   */
  GroupCommit(Function<List<T>, List<R>> writer, int maxBatch, int writers) {
    if (maxBatch < 1 || writers < 1) {
      throw new IllegalArgumentException("maxBatch and writers must be at least 1");
    }
    this.writer = writer;
    this.maxBatch = maxBatch;
    this.writers = new Semaphore(writers);
  }

  /** An item and its result; {@code taken} once a writer put it into a batch. */
  private record Pending<T, R>(T item, CompletableFuture<R> result, AtomicBoolean taken) {}

  /**
   * Writes the item with whatever else is queued; returns its result once written.
   *
   * @throws RuntimeException what the writer threw for this item's batch
   */
  R submit(T item) {
    Pending<T, R> mine = new Pending<>(item, new CompletableFuture<>(), new AtomicBoolean());
    queue.add(mine);
    // Until some writer (perhaps this caller) has taken the item; then wait for its batch.
    while (!mine.taken().get()) {
      writers.acquireUninterruptibly();
      try {
        if (!mine.taken().get()) {
          writeQueued();
        }
      } finally {
        writers.release();
      }
    }
    return join(mine.result());
  }

  /** Items queued and not yet taken into a batch (for tests). */
  int waiting() {
    return queue.size();
  }

  private void writeQueued() {
    List<Pending<T, R>> batch = new ArrayList<>();
    for (Pending<T, R> next = queue.poll(); next != null; next = queue.poll()) {
      next.taken().set(true);
      batch.add(next);
      if (batch.size() == maxBatch) {
        break;
      }
    }
    if (batch.isEmpty()) {
      return;
    }
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

  private static <R> R join(CompletableFuture<R> pending) {
    try {
      return pending.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while its batch was written", e);
    }
  }
}
