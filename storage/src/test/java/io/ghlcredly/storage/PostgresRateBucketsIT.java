package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresRateBucketsIT {
  @Test
  void bucketsOfOneNamespaceAreSharedByEveryPoolOnTheDatabase() {
    DatabaseSettings settings = TestDatabases.postgresSettings();
    try (Database first = Database.open(settings);
        Database second = Database.open(settings)) {
      Bucket mine = store(first, "ghl").getProxy("loc-1/burst", PostgresRateBucketsIT::fiveAMinute);
      Bucket sameFromElsewhere =
          store(second, "ghl").getProxy("loc-1/burst", PostgresRateBucketsIT::fiveAMinute);
      Bucket otherNamespace =
          store(second, "credly").getProxy("loc-1/burst", PostgresRateBucketsIT::fiveAMinute);

      assertThat(mine.tryConsume(4)).isTrue();

      assertThat(sameFromElsewhere.getAvailableTokens()).isEqualTo(1);
      assertThat(otherNamespace.getAvailableTokens()).isEqualTo(5);
    }
  }

  @Test
  void refusesTheEmbeddedDatabase(@TempDir Path folder) {
    try (Database database = TestDatabases.h2(folder)) {
      assertThatThrownBy(() -> PostgresRateBuckets.in(database, "ghl"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PostgreSQL");
    }
  }

  private static BucketConfiguration fiveAMinute() {
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(5).refillGreedy(5, Duration.ofMinutes(1)).build())
        .build();
  }

  private static ProxyManager<String> store(Database database, String namespace) {
    return PostgresRateBuckets.in(database, namespace).apply(TimeMeter.SYSTEM_MILLISECONDS);
  }
}
