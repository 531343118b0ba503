package io.ghlcredly.http.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.http.ApiRequest;
import io.ghlcredly.http.RatePriority;
import io.github.bucket4j.BlockingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What a rate limiter guarantees, wherever its budgets live: run on local buckets and on buckets
 * shared through PostgreSQL. Time is a manual clock; waiting moves it.
 */
abstract class RateLimiterContract {
  static final String LOCATION = "loc-1";
  static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T12:00:00Z"));

  /** A new limiter on {@link #clock} whose budgets start full. */
  abstract RateLimiter newLimiter(
      RateLimiterSettings settings, BlockingStrategy blocking, RateWaitObserver waits);

  /** How far the clock moves between polls in the tests that poll for a minute. */
  Duration pollStep() {
    return Duration.ofMillis(10);
  }

  private RateLimiter limiter(RateLimits limits, Duration maxWait) {
    return newLimiter(
        new RateLimiterSettings(limits, 0.8, maxWait), clock.blocking(), RateWaitObserver.NONE);
  }

  @Test
  void neverAllowsMoreThanTheBurstMaxInAnyWindow() {
    RateLimiter limiter = limiter(RateLimits.GHL, Duration.ZERO);
    List<Instant> calls = new ArrayList<>();
    for (long step = 0; step < Duration.ofSeconds(60).dividedBy(pollStep()); step++) {
      while (limiter.tryAcquire(LOCATION, RatePriority.LIVE)) {
        calls.add(clock.instant());
      }
      clock.advance(pollStep());
    }

    assertNoWindowExceeds(calls, 100, TEN_SECONDS);
    // Not needlessly timid: 50 at once, then 5 a second for the remaining 60 s.
    assertThat(calls.stream().filter(calls.getFirst()::equals)).hasSize(50);
    assertThat(calls).hasSizeGreaterThanOrEqualTo(50 + 5 * 59);
  }

  @Test
  void waitsForBudgetInsteadOfFailing() {
    RateLimiter limiter = limiter(RateLimits.GHL, Duration.ofSeconds(20));
    Instant start = clock.instant();
    for (int call = 0; call < 60; call++) {
      limiter.acquire(LOCATION, RatePriority.LIVE);
    }

    // 50 at once, then one token every 200 ms.
    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void tellsTheWaitObserverHowLongEachHeldCallWaited() {
    List<String> waits = new ArrayList<>();
    RateLimiter limiter =
        newLimiter(
            new RateLimiterSettings(RateLimits.GHL, 0.8, Duration.ofSeconds(20)),
            clock.blocking(),
            (priority, waited, granted) -> waits.add(priority + " " + waited + " " + granted));
    for (int call = 0; call < 51; call++) {
      limiter.acquire(LOCATION, RatePriority.LIVE);
    }

    // The first 50 go at once; the 51st waits one token (200 ms).
    assertThat(waits).containsExactly("LIVE PT0.2S true");
  }

  @Test
  void stopsAtTheDailyLimitUntilUtcMidnight() {
    clock.set(Instant.parse("2025-03-01T23:00:00Z"));
    RateLimiter limiter = limiter(new RateLimits(100, TEN_SECONDS, 300), Duration.ofMinutes(5));
    for (int call = 0; call < 300; call++) {
      limiter.acquire(LOCATION, RatePriority.LIVE);
    }
    assertThat(limiter.snapshot(LOCATION).dailyRemaining()).isZero();

    Instant midnight = Instant.parse("2025-03-02T00:00:00Z");
    assertThatThrownBy(() -> limiter.acquire(LOCATION, RatePriority.LIVE))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
              assertThat(e.retryAfter()).contains(Duration.between(clock.instant(), midnight));
            });

    clock.set(midnight);
    assertThat(limiter.tryAcquire(LOCATION, RatePriority.LIVE)).isTrue();
    assertThat(limiter.snapshot(LOCATION).dailyRemaining()).isEqualTo(299);
  }

  @Test
  void lowersOurBudgetToTheRemainingTheProviderReports() {
    RateLimiter limiter = limiter(RateLimits.GHL, Duration.ZERO);
    limiter.acquire(LOCATION, RatePriority.LIVE);

    limiter.observe(LOCATION, 200, headers(100, 5, 200_000L, 1_234L));

    RateBudget budget = limiter.snapshot(LOCATION);
    assertThat(budget.burstRemaining()).isEqualTo(5);
    assertThat(budget.dailyRemaining()).isEqualTo(1_234);
    assertThat(takeAll(limiter, RatePriority.LIVE)).isEqualTo(5);
  }

  @Test
  void neverRaisesOurBudgetAboveWhatWeThink() {
    RateLimiter limiter = limiter(RateLimits.GHL, Duration.ZERO);
    assertThat(takeAll(limiter, RatePriority.LIVE)).isEqualTo(50);

    limiter.observe(LOCATION, 200, headers(100, 99, 200_000L, 199_999L));

    assertThat(limiter.tryAcquire(LOCATION, RatePriority.LIVE)).isFalse();
    assertThat(limiter.snapshot(LOCATION).dailyRemaining()).isEqualTo(199_950);
  }

  @Test
  void bulkKeepsTheLiveReserveWhenTheProviderReportsLittleRemaining() {
    RateLimiter limiter = limiter(RateLimits.GHL, Duration.ZERO);

    limiter.observe(LOCATION, 200, headers(100, 12, null, null));

    // Live reserve is 50 - 40 = 10 burst tokens: bulk may take only 2 of the 12.
    assertThat(takeAll(limiter, RatePriority.BULK)).isEqualTo(2);
    assertThat(takeAll(limiter, RatePriority.LIVE)).isEqualTo(10);
  }

  @Test
  void adoptsTheProvidersLimitsForThatKeyOnly() {
    RateLimiter limiter = limiter(RateLimits.GHL, Duration.ZERO);
    limiter.observe(LOCATION, 200, new RateLimitHeaders(25, TEN_SECONDS, 25, 10_000L, 10_000L));

    assertThat(limiter.snapshot(LOCATION).limits()).isEqualTo(RateLimits.GHL_SANDBOX);
    assertThat(limiter.snapshot("other-location").limits()).isEqualTo(RateLimits.GHL);
    List<Instant> calls = new ArrayList<>();
    for (long step = 0; step < Duration.ofSeconds(30).dividedBy(pollStep()); step++) {
      while (limiter.tryAcquire(LOCATION, RatePriority.LIVE)) {
        calls.add(clock.instant());
      }
      clock.advance(pollStep());
    }
    assertNoWindowExceeds(calls, 25, TEN_SECONDS);
    assertThat(calls).hasSizeGreaterThanOrEqualTo(12 + 13 * 2);
    assertThat(limiter.snapshot(LOCATION).dailyRemaining()).isEqualTo(10_000L - calls.size());
  }

  @Test
  void pausesTheKeyForOneProviderWindowAfterA429() {
    RateLimiter limiter = limiter(RateLimits.GHL, Duration.ZERO);

    limiter.observe(LOCATION, 429, new RateLimitHeaders(100, TEN_SECONDS, 0, null, null));

    assertThat(limiter.snapshot(LOCATION).pausedFor()).isEqualTo(TEN_SECONDS);
    assertThat(limiter.snapshot(LOCATION).burstRemaining()).isZero();
    clock.advance(Duration.ofMillis(9_999));
    assertThat(limiter.tryAcquire(LOCATION, RatePriority.LIVE)).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(limiter.tryAcquire(LOCATION, RatePriority.LIVE)).isTrue();
  }

  @Test
  void waitsOutA429PauseWhenItFitsTheMaxWait() {
    RateLimiter limiter = limiter(RateLimits.GHL, Duration.ofSeconds(20));
    limiter.observe(LOCATION, 429, new RateLimitHeaders(null, null, null, null, null));
    Instant start = clock.instant();

    limiter.acquire(LOCATION, RatePriority.LIVE);

    assertThat(Duration.between(start, clock.instant())).isEqualTo(TEN_SECONDS);
  }

  @Test
  void liveWorkGetsThroughWhileBulkWorkHammersTheSameLocation() {
    RateLimiter limiter = limiter(RateLimits.GHL, Duration.ZERO);
    List<Instant> all = new ArrayList<>();
    List<Instant> bulk = new ArrayList<>();
    int liveRefused = 0;
    for (int step = 0; step < 300; step++) {
      while (limiter.tryAcquire(LOCATION, RatePriority.BULK)) {
        bulk.add(clock.instant());
        all.add(clock.instant());
      }
      if (step % 10 == 0) {
        if (limiter.tryAcquire(LOCATION, RatePriority.LIVE)) {
          all.add(clock.instant());
        } else {
          liveRefused++;
        }
      }
      clock.advance(Duration.ofMillis(100));
    }

    assertThat(liveRefused).isZero();
    assertThat(bulk).hasSizeGreaterThanOrEqualTo(40 + 4 * 29);
    assertNoWindowExceeds(bulk, 80, TEN_SECONDS);
    assertNoWindowExceeds(all, 100, TEN_SECONDS);
  }

  @Test
  void liveWorkDoesNotWaitBehindBlockedBulkWork() {
    RateLimiter limiter = limiter(RateLimits.GHL, Duration.ofMinutes(1));
    for (int call = 0; call < 200; call++) {
      limiter.acquire(LOCATION, RatePriority.BULK);
    }
    Instant afterBulk = clock.instant();

    for (int call = 0; call < 10; call++) {
      limiter.acquire(LOCATION, RatePriority.LIVE);
    }

    assertThat(clock.instant()).isEqualTo(afterBulk);
  }

  @Test
  void failsAsTransientWithRetryAfterWhenTheWaitExceedsTheMaxWait() {
    RateLimiter limiter = limiter(RateLimits.GHL, Duration.ofSeconds(2));
    limiter.observe(LOCATION, 429, new RateLimitHeaders(null, TEN_SECONDS, 0, null, null));
    Instant start = clock.instant();

    assertThatThrownBy(() -> limiter.acquire(LOCATION, RatePriority.BULK))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.outcomeUnknown()).isFalse();
              assertThat(e.retryAfter()).contains(TEN_SECONDS);
            });
    assertThat(clock.instant()).as("gave up without waiting").isEqualTo(start);
  }

  @Test
  void refusesAGatedRequestNamingItsConnectorMethodAndPath() {
    RateLimiter limiter = limiter(RateLimits.GHL, Duration.ZERO);
    limiter.observe(LOCATION, 429, new RateLimitHeaders(null, null, null, null, null));
    ApiRequest request = ApiRequest.get("/contacts/c1?email=a@b.c").withRateKey(LOCATION);

    assertThatThrownBy(() -> limiter.beforeSend("ghl", request))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.connector()).isEqualTo("ghl");
              assertThat(e.method()).isEqualTo("GET");
              assertThat(e.path()).isEqualTo("/contacts/c1");
            });
  }

  @Test
  void letsRequestsWithoutARateKeyThrough() {
    RateLimiter limiter = limiter(new RateLimits(1, TEN_SECONDS, 1), Duration.ZERO);
    for (int call = 0; call < 5; call++) {
      limiter.beforeSend("credly", ApiRequest.get("/badges"));
    }
    assertThat(limiter.keys()).isEmpty();
  }

  @Test
  void countsTheCallersWaitingForBudget() {
    AtomicInteger seenWaiters = new AtomicInteger();
    RateLimiter[] holder = new RateLimiter[1];
    RateLimiter limiter =
        newLimiter(
            new RateLimiterSettings(RateLimits.GHL, 0.8, Duration.ofMinutes(1)),
            nanos -> {
              seenWaiters.set(holder[0].snapshot(LOCATION).waiters());
              clock.advance(Duration.ofNanos(nanos));
            },
            RateWaitObserver.NONE);
    holder[0] = limiter;
    takeAll(limiter, RatePriority.LIVE);

    limiter.acquire(LOCATION, RatePriority.LIVE);

    assertThat(seenWaiters).hasValue(1);
    assertThat(limiter.snapshot(LOCATION).waiters()).isZero();
  }

  static int takeAll(RateLimiter limiter, RatePriority priority) {
    int taken = 0;
    while (limiter.tryAcquire(LOCATION, priority)) {
      taken++;
    }
    return taken;
  }

  static RateLimitHeaders headers(
      int max, int remaining, @Nullable Long dailyLimit, @Nullable Long dailyRemaining) {
    return new RateLimitHeaders(max, TEN_SECONDS, remaining, dailyLimit, dailyRemaining);
  }

  /** The call {@code max} places after any call is at least one window later. */
  static void assertNoWindowExceeds(List<Instant> calls, int max, Duration window) {
    for (int first = 0; first + max < calls.size(); first++) {
      Instant next = calls.get(first + max);
      assertThat(Duration.between(calls.get(first), next))
          .as("calls %d..%d within one window", first, first + max)
          .isGreaterThanOrEqualTo(window);
    }
  }
}
