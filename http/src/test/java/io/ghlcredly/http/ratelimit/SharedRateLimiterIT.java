package io.ghlcredly.http.ratelimit;

import static io.ghlcredly.http.ratelimit.RateLimiterContract.TEN_SECONDS;
import static io.ghlcredly.http.ratelimit.RateLimiterContract.assertNoWindowExceeds;
import static io.ghlcredly.http.ratelimit.RateLimiterContract.takeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.http.ApiRequest;
import io.ghlcredly.http.RatePriority;
import io.github.bucket4j.BlockingStrategy;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several limiters on one PostgreSQL database, as several instances of the service are: one budget
 * per key for all of them together.
 */
class SharedRateLimiterIT {
  private static final String LOCATION = RateLimiterContract.LOCATION;
  private static final RateLimiterSettings GHL =
      new RateLimiterSettings(RateLimits.GHL, 0.8, Duration.ZERO);

  private static @Nullable PostgresBuckets store;

  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T12:00:00Z"));
  private final String namespace = PostgresBuckets.newNamespace();

  @BeforeAll
  static void openStore() {
    store = PostgresBuckets.open();
  }

  @AfterAll
  static void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  private RateLimiter instance(RateLimiterSettings settings) {
    return store().limiter(namespace, settings, clock, clock.blocking(), RateWaitObserver.NONE);
  }

  private static PostgresBuckets store() {
    return Objects.requireNonNull(store);
  }

  /** A granted call: when, and at which priority. */
  private record Grant(Instant at, RatePriority priority) {}

  @Test
  void instancesHammeringOneLocationNeverExceedItsLimitsTogether() throws Exception {
    List<RateLimiter> instances = List.of(instance(GHL), instance(GHL), instance(GHL));
    List<Grant> grants = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      // The clock stands still while the threads race (each takes until refused), then moves on.
      for (int step = 0; step < 125; step++) {
        List<Callable<Void>> workers = new ArrayList<>();
        for (RateLimiter instance : instances) {
          for (RatePriority priority :
              List.of(RatePriority.BULK, RatePriority.BULK, RatePriority.LIVE)) {
            workers.add(
                () -> {
                  while (instance.tryAcquire(LOCATION, priority)) {
                    grants.add(new Grant(clock.instant(), priority));
                  }
                  return null;
                });
          }
        }
        for (Future<Void> done : threads.invokeAll(workers)) {
          done.get();
        }
        clock.advance(Duration.ofMillis(200));
      }
    }

    List<Instant> all = grants.stream().map(Grant::at).sorted().toList();
    List<Instant> bulk =
        grants.stream()
            .filter(g -> g.priority() == RatePriority.BULK)
            .map(Grant::at)
            .sorted()
            .toList();
    assertNoWindowExceeds(all, 100, TEN_SECONDS);
    assertNoWindowExceeds(bulk, 80, TEN_SECONDS);
    // Not needlessly timid: 50 at once, then one every 200 ms for the remaining 24.8 s.
    assertThat(all).hasSizeGreaterThanOrEqualTo(50 + 5 * 24);
    for (RateLimiter instance : instances) {
      assertThat(instance.snapshot(LOCATION).dailyRemaining())
          .as("one daily budget for all instances")
          .isEqualTo(RateLimits.GHL.dailyMax() - all.size());
    }
  }

  @Test
  void aPauseAfterA429SeenByOneInstanceHoldsTheOthers() {
    RateLimiter first = instance(GHL);
    RateLimiter second = instance(GHL);
    RateLimiter third = instance(GHL);
    assertThat(second.tryAcquire(LOCATION, RatePriority.LIVE)).isTrue();

    first.observe(LOCATION, 429, new RateLimitHeaders(null, TEN_SECONDS, 0, null, null));

    assertThat(second.snapshot(LOCATION).pausedFor()).isEqualTo(TEN_SECONDS);
    clock.advance(Duration.ofMillis(9_999));
    assertThat(second.tryAcquire(LOCATION, RatePriority.LIVE)).isFalse();
    assertThat(third.tryAcquire(LOCATION, RatePriority.BULK)).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(second.tryAcquire(LOCATION, RatePriority.LIVE)).isTrue();
  }

  @Test
  void a429SeenByEveryInstancePausesForOneWindowNotOneEach() {
    List<RateLimiter> instances = List.of(instance(GHL), instance(GHL), instance(GHL));
    RateLimitHeaders tooMany = new RateLimitHeaders(100, TEN_SECONDS, 0, null, null);

    for (RateLimiter instance : instances) {
      instance.observe(LOCATION, 429, tooMany);
    }

    assertThat(instances.get(2).snapshot(LOCATION).pausedFor()).isEqualTo(TEN_SECONDS);
  }

  @Test
  void headerCorrectionsSeenByOneInstanceApplyToTheOthers() {
    RateLimiter first = instance(GHL);
    RateLimiter second = instance(GHL);
    assertThat(second.tryAcquire(LOCATION, RatePriority.LIVE)).isTrue();

    first.observe(LOCATION, 200, new RateLimitHeaders(25, TEN_SECONDS, 3, 10_000L, 42L));

    RateBudget seen = second.snapshot(LOCATION);
    assertThat(seen.burstRemaining()).isEqualTo(3);
    assertThat(seen.dailyRemaining()).isEqualTo(42);
    assertThat(takeAll(second, RatePriority.LIVE)).isEqualTo(3);
    // The sandbox limit adopted by the first holds the second: 25 in any window.
    clock.advance(Duration.ofMinutes(1));
    List<Instant> calls = new ArrayList<>();
    for (int step = 0; step < 150; step++) {
      while ((step % 2 == 0 ? first : second).tryAcquire(LOCATION, RatePriority.LIVE)) {
        calls.add(clock.instant());
      }
      clock.advance(Duration.ofMillis(200));
    }
    assertThat(calls).as("the daily budget the correction left").hasSize(39);
    assertNoWindowExceeds(calls, 25, TEN_SECONDS);
  }

  @Test
  void virtualThreadsOfSeveralInstancesWaitTheirTurnAndAllGetThrough() throws Exception {
    // Real time: 10 per 100 ms, so 5 at once, then one every 20 ms, for all instances together.
    RateLimits limits = new RateLimits(10, Duration.ofMillis(100), 1_000_000);
    RateLimiterSettings settings = new RateLimiterSettings(limits, 0.8, Duration.ofSeconds(30));
    List<RateLimiter> instances =
        IntStream.range(0, 3)
            .mapToObj(
                unused ->
                    store()
                        .limiter(
                            namespace,
                            settings,
                            InstantSource.system(),
                            BlockingStrategy.PARKING,
                            RateWaitObserver.NONE))
            .toList();
    long started = System.nanoTime();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> workers = new ArrayList<>();
      for (int worker = 0; worker < 12; worker++) {
        RateLimiter instance = instances.get(worker % 3);
        RatePriority priority = worker % 2 == 0 ? RatePriority.LIVE : RatePriority.BULK;
        workers.add(
            threads.submit(
                () -> {
                  for (int call = 0; call < 5; call++) {
                    instance.acquire(LOCATION, priority);
                  }
                }));
      }
      for (Future<?> done : workers) {
        done.get();
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    // 60 calls cannot go faster than 5 at once plus 55 × 20 ms, whichever instance made them.
    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1_100));
    assertThat(instances.get(0).snapshot(LOCATION).dailyRemaining()).isEqualTo(1_000_000 - 60);
  }

  @Test
  void refusesAsTransientWhenTheDatabaseIsGone() {
    PostgresBuckets closing = PostgresBuckets.open();
    RateLimiter limiter =
        closing.limiter(namespace, GHL, clock, clock.blocking(), RateWaitObserver.NONE);
    assertThat(limiter.tryAcquire(LOCATION, RatePriority.LIVE)).isTrue();

    closing.close();

    assertThatThrownBy(() -> limiter.acquire(LOCATION, RatePriority.LIVE))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
              assertThat(e.outcomeUnknown()).as("not sent").isFalse();
            });
    assertThatThrownBy(() -> limiter.tryAcquire(LOCATION, RatePriority.BULK))
        .isInstanceOf(ApiException.class);
    // A response that arrived stays a success: its headers are dropped, not turned into a failure.
    limiter.afterResponse(
        ApiRequest.get("/contacts/c1").withRateKey(LOCATION),
        200,
        HttpHeaders.of(Map.of("X-RateLimit-Remaining", List.of("0")), (name, value) -> true));
  }

  @Test
  void listsTheKeysThisInstanceUsed() {
    RateLimiter first = instance(GHL);
    RateLimiter second = instance(GHL);

    first.tryAcquire("loc-a", RatePriority.LIVE);
    second.tryAcquire("loc-b", RatePriority.LIVE);

    assertThat(first.keys()).containsExactly("loc-a");
  }
}
