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
import java.util.concurrent.locks.ReentrantLock;
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
  // Each caller's items as one or more chunks: a writer takes a chunk whole, so a caller's page
  // is not split into one batch per item by a writer that woke at its first item.
  private final LinkedBlockingQueue<Chunk<T, R>> queue = new LinkedBlockingQueue<>();
  // Only one writer gathers a batch at a time, so that it can look at the next chunk before taking
  // it; writing the batches happens outside.
  private final ReentrantLock gathering = new ReentrantLock();
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

  /** A run of one caller's items (at most {@code maxBatch}); compared by identity. */
  private static final class Chunk<T, R> {
    final List<Pending<T, R>> items;

    Chunk(List<Pending<T, R>> items) {
      this.items = items;
    }
  }

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
    return submitAll(List.of(item)).getFirst();
  }

  /**
   * Writes the items, in order, with whatever else is queued (one caller with many items, such as
   * an import's page, fills batches by itself); returns their results once all are written. The
   * same rules as {@link #submit}: when one fails or {@code maxWait} passes, the call fails and
   * items not yet taken are withdrawn, while the others may be written.
   */
  List<R> submitAll(List<T> items) {
    List<Pending<T, R>> mine = new ArrayList<>(items.size());
    for (T item : items) {
      mine.add(new Pending<>(item, new CompletableFuture<>()));
    }
    List<Chunk<T, R>> chunks = new ArrayList<>();
    for (int from = 0; from < mine.size(); from += maxBatch) {
      chunks.add(new Chunk<>(mine.subList(from, Math.min(mine.size(), from + maxBatch))));
    }
    if (closed) {
      throw new IllegalStateException("closed: the application is stopping");
    }
    queue.addAll(chunks);
    if (closed) {
      failQueued();
    }
    long deadline = System.nanoTime() + maxWait.toNanos();
    List<R> results = new ArrayList<>(mine.size());
    try {
      for (Pending<T, R> pending : mine) {
        results.add(pending.result().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
      }
      return results;
    } catch (TimeoutException e) {
      queue.removeAll(chunks);
      throw new StorageException(
          "not stored within " + maxWait + "; the database is slow or away", e);
    } catch (ExecutionException e) {
      queue.removeAll(chunks);
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      // The items may still be written: the caller must treat them as an unknown outcome.
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while its batch was written", e);
    }
  }

  /** Items queued and not yet taken into a batch (for tests). */
  int waiting() {
    return queue.stream().mapToInt(chunk -> chunk.items.size()).sum();
  }

  private void writeForever() {
    while (true) {
      List<Pending<T, R>> batch;
      try {
        batch = gather();
      } catch (InterruptedException closed) {
        return;
      }
      write(batch);
    }
  }

  /** Waits for a chunk, then adds every following chunk that still fits in one batch. */
  private List<Pending<T, R>> gather() throws InterruptedException {
    gathering.lockInterruptibly();
    try {
      List<Pending<T, R>> batch = new ArrayList<>(queue.take().items);
      for (Chunk<T, R> next = queue.peek();
          next != null && batch.size() + next.items.size() <= maxBatch;
          next = queue.peek()) {
        if (queue.remove(next)) { // false when its caller withdrew it meanwhile
          batch.addAll(next.items);
        }
      }
      return batch;
    } finally {
      gathering.unlock();
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
    for (Chunk<T, R> left = queue.poll(); left != null; left = queue.poll()) {
      left.items.forEach(pending -> pending.result().completeExceptionally(stopped));
    }
  }
}
