package io.ghlcredly.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void percentilesAreNearestRankSamplesOfUnsortedInput() {
    long[] samples = LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray();

    LatencySummary summary = LatencySummary.ofNanos(samples);

    assertThat(summary.count()).isEqualTo(100);
    assertThat(summary.p50()).isEqualTo(Duration.ofNanos(50));
    assertThat(summary.p95()).isEqualTo(Duration.ofNanos(95));
    assertThat(summary.p99()).isEqualTo(Duration.ofNanos(99));
    assertThat(summary.max()).isEqualTo(Duration.ofNanos(100));
    assertThat(samples[0]).as("input left unsorted").isEqualTo(100);
  }

  @Test
  void highPercentilesOfFewSamplesAreTheLargestSample() {
    LatencySummary summary = LatencySummary.ofNanos(new long[] {30, 10, 20});

    assertThat(summary.p50()).isEqualTo(Duration.ofNanos(20));
    assertThat(summary.p95()).isEqualTo(Duration.ofNanos(30));
    assertThat(summary.p99()).isEqualTo(Duration.ofNanos(30));
  }

  @Test
  void percentileRoundsTheRankUp() {
    long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    assertThat(LatencySummary.percentile(sorted, 1)).isEqualTo(1);
    assertThat(LatencySummary.percentile(sorted, 11)).isEqualTo(2);
    assertThat(LatencySummary.percentile(sorted, 100)).isEqualTo(10);
  }

  @Test
  void noSamplesSummarizeToZero() {
    LatencySummary summary = LatencySummary.ofNanos(new long[0]);

    assertThat(summary.count()).isZero();
    assertThat(summary.p99()).isEqualTo(Duration.ZERO);
  }

  @Test
  void refusesPercentOutsideRange() {
    assertThatThrownBy(() -> LatencySummary.percentile(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LatencySummary.percentile(new long[] {1}, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
