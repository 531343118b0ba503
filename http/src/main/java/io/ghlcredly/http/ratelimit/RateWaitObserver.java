package io.ghlcredly.http.ratelimit;

import io.ghlcredly.http.RatePriority;
import java.time.Duration;

/**
 * Told by {@link RateLimiter} each time a call had to wait for budget, for metrics. Implementations
 * must be thread-safe, fast and must not throw.
 */
@FunctionalInterface
public interface RateWaitObserver {
  /** An observer that ignores everything. */
  RateWaitObserver NONE = (priority, waited, granted) -> {};

  /**
   * One wait that ended.
   *
   * @param waited how long the call was held
   * @param granted whether it then got budget (false: refused or interrupted, not sent)
   */
  void waited(RatePriority priority, Duration waited, boolean granted);
}
