package io.ghlcredly.http.ratelimit;

import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.PostgresRateBuckets;
import io.ghlcredly.storage.TestDatabases;
import io.github.bucket4j.BlockingStrategy;
import java.time.InstantSource;
import java.util.UUID;

/**
 * Rate-limit buckets in a fresh PostgreSQL schema (migrated, so with the real {@code rate_buckets}
 * table); opening skips the test when there is no PostgreSQL. Each namespace starts with full
 * budgets; limiters made on the same namespace share them, as instances on one database do.
 */
final class PostgresBuckets implements AutoCloseable {
  private final Database database;

  private PostgresBuckets(Database database) {
    this.database = database;
  }

  static PostgresBuckets open() {
    return new PostgresBuckets(TestDatabases.postgres());
  }

  /** A namespace no other test uses. */
  static String newNamespace() {
    return "test-" + UUID.randomUUID();
  }

  RateLimiter limiter(
      String namespace,
      RateLimiterSettings settings,
      InstantSource clock,
      BlockingStrategy blocking,
      RateWaitObserver waits) {
    return new RateLimiter(
        settings,
        new InstantSourceTimeMeter(clock),
        blocking,
        waits,
        meter -> BucketSource.shared(PostgresRateBuckets.in(database, namespace).apply(meter)));
  }

  Database database() {
    return database;
  }

  @Override
  public void close() {
    database.close();
  }
}
