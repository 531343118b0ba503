package io.ghlcredly.core.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
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
  private final ReentrantLock lock = new ReentrantLock();

  /**
   * @param writer writes a batch, all or nothing, returning one result per item in order
   */
  GroupCommit(Function<List<T>, List<R>> writer, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
    }
    this.writer = writer;
    this.maxBatch = maxBatch;
  }

  private record Pending<T, R>(T item, CompletableFuture<R> result) {}

  /**
   * Writes the item with whatever else is queued; returns its result once written.
   *
   * @throws RuntimeException what the writer threw for this item's batch
   */
  R submit(T item) {
    Pending<T, R> mine = new Pending<>(item, new CompletableFuture<>());
    queue.add(mine);
    while (!mine.result().isDone()) {
      lock.lock();
      try {
        if (!mine.result().isDone()) {
          writeQueued();
        }
      } finally {
        lock.unlock();
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

  private static <R> R join(CompletableFuture<R> done) {
    try {
      return done.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      // Unreachable: the future is complete before we ask.
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
