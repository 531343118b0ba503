package io.ghlcredly.http.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BucketShapesTest {
  @Test
  void splitsTheBurstSoThatNoWindowCanExceedTheLimit() {
    for (int max = 1; max <= 200; max++) {
      RateLimits limits = new RateLimits(max, Duration.ofSeconds(10), 1_000);
      long perWindow =
          BucketShapes.burstCapacity(limits)
              + BucketShapes.burstRefill(limits)
                  * limits.interval().toNanos()
                  / BucketShapes.refillPeriod(limits).toNanos();
      assertThat(perWindow).as("max %d", max).isLessThanOrEqualTo(max);
    }
  }

  @Test
  void leavesTheLiveShareOfHighLevelsBurstToLiveWork() {
    assertThat(BucketShapes.burstCapacity(RateLimits.GHL)).isEqualTo(50);
    assertThat(BucketShapes.bulkCapacity(RateLimits.GHL, 0.8)).isEqualTo(40);
    assertThat(BucketShapes.bulkRefill(RateLimits.GHL, 0.8)).isEqualTo(40);
    assertThat(BucketShapes.liveReserve(RateLimits.GHL, 0.8)).isEqualTo(10);
  }
}
