package io.ghlcredly.http.ratelimit;

import io.github.bucket4j.BlockingStrategy;

/** The contract on buckets in this process's memory (the embedded-database setup). */
class RateLimiterTest extends RateLimiterContract {
  @Override
  RateLimiter newLimiter(
      RateLimiterSettings settings, BlockingStrategy blocking, RateWaitObserver waits) {
    return new RateLimiter(settings, clock, blocking, waits);
  }
}
