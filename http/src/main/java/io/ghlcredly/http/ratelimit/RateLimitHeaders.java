package io.ghlcredly.http.ratelimit;

import java.net.http.HttpHeaders;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * HighLevel's rate-limit response headers; each is null when absent or unreadable.
 *
 * @param max {@code X-RateLimit-Max}: calls allowed per interval
 * @param interval {@code X-RateLimit-Interval-Milliseconds}
 * @param remaining {@code X-RateLimit-Remaining}: calls left in the current interval
 * @param dailyLimit {@code X-RateLimit-Limit-Daily}
 * @param dailyRemaining {@code X-RateLimit-Daily-Remaining}
 */
public record RateLimitHeaders(
    @Nullable Integer max,
    @Nullable Duration interval,
    @Nullable Integer remaining,
    @Nullable Long dailyLimit,
    @Nullable Long dailyRemaining) {

  /** Reads the headers; values that are missing, negative or not numbers are null. */
  public static RateLimitHeaders from(HttpHeaders headers) {
    Long max = number(headers, "X-RateLimit-Max", 1);
    Long interval = number(headers, "X-RateLimit-Interval-Milliseconds", 1);
    Long remaining = number(headers, "X-RateLimit-Remaining", 0);
    return new RateLimitHeaders(
        max == null ? null : (int) Math.min(max, Integer.MAX_VALUE),
        interval == null ? null : Duration.ofMillis(interval),
        remaining == null ? null : (int) Math.min(remaining, Integer.MAX_VALUE),
        number(headers, "X-RateLimit-Limit-Daily", 1),
        number(headers, "X-RateLimit-Daily-Remaining", 0));
  }

  private static @Nullable Long number(HttpHeaders headers, String name, long minimum) {
    String text = headers.firstValue(name).orElse(null);
    if (text == null) {
      return null;
    }
    try {
      long value = Long.parseLong(text.trim());
      return value < minimum ? null : value;
    } catch (NumberFormatException unreadable) {
      return null;
    }
  }
}
