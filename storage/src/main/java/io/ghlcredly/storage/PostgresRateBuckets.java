package io.ghlcredly.storage;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.util.function.Function;

/**
 * Rate-limit buckets kept in PostgreSQL's table {@code rate_buckets}, so that every instance on the
 * database draws from one budget per key. Bucket4j's PostgreSQL proxy runs each operation on a
 * bucket as one short transaction holding the bucket's row lock ({@code SELECT ... FOR UPDATE}), on
 * a connection of its own from the pool: it never joins the caller's transaction.
 *
 * <p>Refill is computed with the clock of the instance that touches a bucket, so the instances'
 * clocks must agree (NTP); a clock behind the others refills nothing until it catches up, one ahead
 * refills its lead once.
 */
public final class PostgresRateBuckets {
  /** A bucket operation waiting longer than this for its row lock or the database fails. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private PostgresRateBuckets() {}

  /**
   * The buckets of {@code namespace} (for example {@code ghl}) in {@code database}: given the clock
   * the buckets refill by, a proxy manager whose bucket ids are prefixed by the namespace.
   *
   * @throws IllegalArgumentException when the database is not PostgreSQL
   */
  public static Function<TimeMeter, ProxyManager<String>> in(Database database, String namespace) {
    if (database.dialect() != Dialect.POSTGRESQL) {
      throw new IllegalArgumentException(
          "shared rate-limit buckets need PostgreSQL, not " + database.dialect());
    }
    return clock ->
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database.dataSource())
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_buckets")
            .clientClock(clock)
            .requestTimeout(REQUEST_TIMEOUT)
            .build()
            .withMapper((String id) -> namespace + "/" + id);
  }
}
