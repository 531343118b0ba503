package io.ghlcredly.bench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ImportBoundTest {
  @Test
  void tenThousandContactsAreTwentyTwoCallsBoundByTheBulkShare() {
    ImportBound bound = ImportBound.of(10_000, 2_000, 0.2, Duration.ZERO, 16);

    assertThat(bound.calls()).isEqualTo(22);
    assertThat(bound.provider()).isEqualTo(Duration.ZERO);
    assertThat(bound.limiter()).isEqualTo(Duration.ofSeconds(12));
    assertThat(bound.bound()).isEqualTo(Duration.ofSeconds(12));
    assertThat(bound.boundBy()).isEqualTo("GHL bulk budget");
  }

  @Test
  void aHundredThousandContactsWaitForTheProvidersThirdWindowAndOurBulkRate() {
    ImportBound bound = ImportBound.of(100_000, 20_000, 0.2, Duration.ZERO, 16);

    assertThat(bound.calls()).isEqualTo(202);
    assertThat(bound.provider()).isEqualTo(Duration.ofSeconds(20));
    assertThat(bound.limiter()).isEqualTo(Duration.ofSeconds(192));
  }

  @Test
  void latencyAddsToEachSequentialCallAndToEachBadgeOverTheConcurrency() {
    ImportBound bound = ImportBound.of(10_000, 2_000, 0.2, Duration.ofMillis(80), 16);

    assertThat(bound.provider().toMillis()).isBetween(22 * 80 - 1L, 22 * 80L);
    assertThat(bound.limiter().toMillis()).isBetween(12_079L, 12_080L);
    assertThat(bound.credly()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aFullBudgetShareIsBoundByTheBurstBucket() {
    ImportBound bound = ImportBound.of(100_000, 0, 1.0, Duration.ZERO, 16);

    // 50 tokens at once, then 5 calls/s: call 202 waits (201 - 49) / 5 s.
    assertThat(bound.limiter().toMillis()).isBetween(30_399L, 30_400L);
  }
}
