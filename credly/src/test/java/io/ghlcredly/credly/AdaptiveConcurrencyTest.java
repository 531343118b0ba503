package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AdaptiveConcurrencyTest {
  private final AdaptiveConcurrency limiter =
      new AdaptiveConcurrency(8, Duration.ofSeconds(30), Duration.ofMillis(200));

  private static ApiException status(int status) {
    return new ApiException(
        "credly",
        "GET",
        "/x",
        status,
        status == 429 ? ApiException.Kind.TRANSIENT : ApiException.Kind.PERMANENT,
        null,
        null,
        null);
  }

  private void tooManyRequests() {
    assertThatThrownBy(
            () ->
                limiter.call(
                    "GET",
                    "/x",
                    () -> {
                      throw status(429);
                    }))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void startsAtTheConfiguredConcurrency() {
    assertThat(limiter.limit()).isEqualTo(8);
    assertThat(limiter.call("GET", "/x", () -> "ok")).isEqualTo("ok");
    assertThat(limiter.inflight()).isZero();
  }

  @Test
  void halvesOnEach429AndNeverGoesBelowOne() {
    tooManyRequests();
    assertThat(limiter.limit()).isEqualTo(4);
    tooManyRequests();
    tooManyRequests();
    tooManyRequests();
    assertThat(limiter.limit()).isEqualTo(1);
  }

  @Test
  void growsBackSlowlyAfterSuccesses() {
    for (int i = 0; i < 4; i++) {
      tooManyRequests();
    }

    limiter.call("GET", "/x", () -> "ok");
    int afterOne = limiter.limit();
    limiter.call("GET", "/x", () -> "ok");

    assertThat(afterOne).isEqualTo(2);
    assertThat(limiter.limit()).isEqualTo(3);
  }

  @Test
  void otherFailuresDoNotLowerTheLimit() {
    assertThatThrownBy(
            () ->
                limiter.call(
                    "GET",
                    "/x",
                    () -> {
                      throw status(422);
                    }))
        .isInstanceOf(ApiException.class);

    assertThat(limiter.limit()).isEqualTo(8);
  }

  /** A call that says it holds its slot, then keeps it until released. */
  private static Supplier<String> holdingTheSlot(
      CountDownLatch holding, CountDownLatch release, String result) {
    return () -> {
      holding.countDown();
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return result;
    };
  }

  @Test
  void aCallerBeyondTheLimitWaitsThenFailsTransient() throws Exception {
    AdaptiveConcurrency single =
        new AdaptiveConcurrency(1, Duration.ofSeconds(30), Duration.ofMillis(100));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<String> first =
          pool.submit(() -> single.call("GET", "/x", holdingTheSlot(holding, release, "first")));
      assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> single.call("GET", "/x", () -> "second"))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSIENT));
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tryCallNeverWaitsAndIsEmptyWhenEverySlotIsTaken() throws Exception {
    AdaptiveConcurrency single =
        new AdaptiveConcurrency(1, Duration.ofSeconds(30), Duration.ofSeconds(30));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Optional<String>> first =
          pool.submit(() -> single.tryCall(holdingTheSlot(holding, release, "first")));
      assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

      assertThat(single.tryCall(() -> "second")).isEmpty();
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).contains("first");
      assertThat(single.tryCall(() -> "third")).contains("third");
      assertThat(single.inflight()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }
}
