package io.ghlcredly.http.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.http.RatePriority;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Real parking on virtual threads, with a limit small enough to finish in under a second. */
class RateLimiterConcurrencyTest {
  @Test
  void virtualThreadsWaitTheirTurnAndAllGetThrough() throws Exception {
    // 10 per 100 ms: 5 at once, then one every 20 ms.
    RateLimits limits = new RateLimits(10, Duration.ofMillis(100), 1_000_000);
    RateLimiter limiter =
        new RateLimiter(
            new RateLimiterSettings(limits, 0.8, Duration.ofSeconds(5)), InstantSource.system());
    long started = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int worker = 0; worker < 4; worker++) {
        RatePriority priority = worker % 2 == 0 ? RatePriority.LIVE : RatePriority.BULK;
        workers.add(
            threads.submit(
                () -> {
                  for (int call = 0; call < 10; call++) {
                    limiter.acquire("loc", priority);
                  }
                }));
      }
      for (Future<?> done : workers) {
        done.get();
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    // 40 calls cannot go faster than 5 at once plus 35 × 20 ms.
    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    assertThat(limiter.snapshot("loc").waiters()).isZero();
    assertThat(limiter.snapshot("loc").dailyRemaining()).isEqualTo(1_000_000 - 40);
  }
}
