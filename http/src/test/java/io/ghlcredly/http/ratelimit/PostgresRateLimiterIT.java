package io.ghlcredly.http.ratelimit;

import io.github.bucket4j.BlockingStrategy;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on buckets shared through PostgreSQL (the several-instances setup). */
class PostgresRateLimiterIT extends RateLimiterContract {
  private static @Nullable PostgresBuckets store;

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

  /** Coarser than in memory: each poll is a database round trip. */
  @Override
  Duration pollStep() {
    return Duration.ofMillis(50);
  }

  @Override
  RateLimiter newLimiter(
      RateLimiterSettings settings, BlockingStrategy blocking, RateWaitObserver waits) {
    return Objects.requireNonNull(store).limiter(namespace, settings, clock, blocking, waits);
  }
}
