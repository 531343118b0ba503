package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.http.RatePriority;
import io.ghlcredly.http.ratelimit.RateLimiter;
import io.ghlcredly.http.ratelimit.RateWaitObserver;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.DatabaseSettings;
import io.ghlcredly.storage.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the GHL rate budget lives follows the storage: shared on PostgreSQL, in memory on H2. */
class GhlRateBudgetWiringIT {
  private static final String LOCATION = "location-1";
  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2026-03-08T12:00:00Z"));

  @Test
  void instancesOnOnePostgresqlDatabaseShareEachLocationsBudget() {
    DatabaseSettings settings = TestDatabases.postgresSettings();
    try (Database first = Database.open(settings);
        Database second = Database.open(settings)) {
      RateLimiter one = GhlConnection.limiter(first, 0.2, CLOCK, RateWaitObserver.NONE);
      RateLimiter other = GhlConnection.limiter(second, 0.2, CLOCK, RateWaitObserver.NONE);

      assertThat(takeAll(one)).isEqualTo(50);
      assertThat(other.tryAcquire(LOCATION, RatePriority.LIVE)).isFalse();
    }
  }

  @Test
  void anEmbeddedDatabaseKeepsTheBudgetInThisProcess(@TempDir Path folder) {
    try (Database database = TestDatabases.h2(folder)) {
      RateLimiter one = GhlConnection.limiter(database, 0.2, CLOCK, RateWaitObserver.NONE);
      RateLimiter other = GhlConnection.limiter(database, 0.2, CLOCK, RateWaitObserver.NONE);

      assertThat(takeAll(one)).isEqualTo(50);
      assertThat(takeAll(other)).isEqualTo(50);
    }
  }

  private static int takeAll(RateLimiter limiter) {
    int taken = 0;
    while (limiter.tryAcquire(LOCATION, RatePriority.LIVE)) {
      taken++;
    }
    return taken;
  }
}
