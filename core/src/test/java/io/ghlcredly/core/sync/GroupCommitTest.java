package io.ghlcredly.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.core.error.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
  private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstBatchWriting = new CountDownLatch(1);
  private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);

  private final List<GroupCommit<Integer, Integer>> groups = new ArrayList<>();

  @AfterEach
  void stopCallers() {
    releaseFirstBatch.countDown();
    callers.shutdownNow();
    groups.forEach(GroupCommit::close);
  }

  private GroupCommit<Integer, Integer> group(
      Function<List<Integer>, List<Integer>> write, int maxBatch, int writers) {
    GroupCommit<Integer, Integer> group = new GroupCommit<>(write, maxBatch, writers, WAIT);
    groups.add(group);
    return group;
  }

  @Test
  void writesTheItemsOfCallersWhoCameDuringACommitTogether() throws Exception {
    GroupCommit<Integer, Integer> group = group(holdingFirstBatch(this::tenfold), 256, 1);
    Future<Integer> first = callers.submit(() -> group.submit(1));
    firstBatchWriting.await();
    List<Future<Integer>> others = new ArrayList<>();
    for (int item = 2; item <= 6; item++) {
      int mine = item;
      others.add(callers.submit(() -> group.submit(mine)));
    }
    await().atMost(WAIT).until(() -> group.waiting() == 5);

    releaseFirstBatch.countDown();

    assertThat(first.get()).isEqualTo(10);
    for (int i = 0; i < others.size(); i++) {
      assertThat(others.get(i).get()).isEqualTo((i + 2) * 10);
    }
    assertThat(batches).hasSize(2);
    assertThat(batches.get(0)).containsExactly(1);
    assertThat(batches.get(1)).containsExactlyInAnyOrder(2, 3, 4, 5, 6);
  }

  @Test
  void failsEveryCallerOfAFailedBatchAndNoneOfTheNext() throws Exception {
    GroupCommit<Integer, Integer> group =
        group(
            holdingFirstBatch(
                items -> {
                  if (items.contains(2)) {
                    throw new IllegalStateException("database down");
                  }
                  return tenfold(items);
                }),
            256,
            1);
    Future<Integer> first = callers.submit(() -> group.submit(1));
    firstBatchWriting.await();
    Future<Integer> second = callers.submit(() -> group.submit(2));
    Future<Integer> third = callers.submit(() -> group.submit(3));
    await().atMost(WAIT).until(() -> group.waiting() == 2);

    releaseFirstBatch.countDown();

    assertThat(first.get()).isEqualTo(10);
    for (Future<Integer> failed : List.of(second, third)) {
      assertThatThrownBy(failed::get)
          .isInstanceOf(ExecutionException.class)
          .hasRootCauseMessage("database down");
    }
    assertThat(group.submit(4)).isEqualTo(40);
  }

  @Test
  void neverWritesMoreThanTheLimitAtOnce() throws Exception {
    GroupCommit<Integer, Integer> group = group(holdingFirstBatch(this::tenfold), 2, 1);
    Future<Integer> first = callers.submit(() -> group.submit(1));
    firstBatchWriting.await();
    List<Future<Integer>> others = new ArrayList<>();
    for (int item = 2; item <= 6; item++) {
      int mine = item;
      others.add(callers.submit(() -> group.submit(mine)));
    }
    await().atMost(WAIT).until(() -> group.waiting() == 5);

    releaseFirstBatch.countDown();

    first.get();
    for (Future<Integer> other : others) {
      other.get();
    }
    assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
    assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(6);
  }

  @Test
  void aSecondWriterWritesWhileTheFirstBatchIsStillCommitting() throws Exception {
    GroupCommit<Integer, Integer> group = group(holdingFirstBatch(this::tenfold), 256, 2);
    Future<Integer> first = callers.submit(() -> group.submit(1));
    firstBatchWriting.await();

    assertThat(group.submit(2)).isEqualTo(20);
    assertThat(first.isDone()).isFalse();
    releaseFirstBatch.countDown();
    assertThat(first.get()).isEqualTo(10);
  }

  @Test
  void givesUpOnAnItemNotWrittenInTimeAndWithdrawsIt() throws Exception {
    GroupCommit<Integer, Integer> group =
        new GroupCommit<>(holdingFirstBatch(this::tenfold), 256, 1, Duration.ofMillis(200));
    groups.add(group);
    Future<Integer> first = callers.submit(() -> group.submit(1));
    firstBatchWriting.await();

    assertThatThrownBy(() -> group.submit(2)).isInstanceOf(StorageException.class);
    assertThat(group.waiting()).isZero();
    releaseFirstBatch.countDown();
    await().atMost(WAIT).until(first::isDone);
    assertThat(group.submit(3)).isEqualTo(30);
    assertThat(batches).containsExactly(List.of(1), List.of(3));
  }

  @Test
  void refusesItemsOnceClosed() {
    GroupCommit<Integer, Integer> group = group(this::tenfold, 256, 1);
    assertThat(group.submit(1)).isEqualTo(10);

    group.close();

    assertThatThrownBy(() -> group.submit(2)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void oneCallersManyItemsFillBatchesUpToTheLimitAndComeBackInOrder() {
    GroupCommit<Integer, Integer> group =
        group(
            items -> {
              batches.add(List.copyOf(items));
              return tenfold(items);
            },
            256,
            1);
    List<Integer> page = IntStream.range(0, 600).boxed().toList();

    List<Integer> results = group.submitAll(page);

    assertThat(results).isEqualTo(tenfold(page));
    assertThat(batches)
        .hasSizeBetween(3, 4)
        .allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(256));
    assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(page);
  }

  /** Records each batch; the first one waits until the test releases it. */
  private Function<List<Integer>, List<Integer>> holdingFirstBatch(
      Function<List<Integer>, List<Integer>> write) {
    return items -> {
      batches.add(List.copyOf(items));
      if (batches.size() == 1) {
        firstBatchWriting.countDown();
        try {
          releaseFirstBatch.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      return write.apply(items);
    };
  }

  private List<Integer> tenfold(List<Integer> items) {
    return items.stream().map(item -> item * 10).toList();
  }
}
