package io.ghlcredly.http.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {
  @Test
  void readsHighLevelsRateLimitHeadersWhateverTheirCase() {
    HttpHeaders headers =
        HttpHeaders.of(
            Map.of(
                "x-ratelimit-max", List.of("100"),
                "X-RateLimit-Interval-Milliseconds", List.of("10000"),
                "X-RATELIMIT-REMAINING", List.of("97"),
                "X-RateLimit-Limit-Daily", List.of("200000"),
                "X-RateLimit-Daily-Remaining", List.of(" 199990 ")),
            (name, value) -> true);

    assertThat(RateLimitHeaders.from(headers))
        .isEqualTo(new RateLimitHeaders(100, Duration.ofSeconds(10), 97, 200_000L, 199_990L));
  }

  @Test
  void ignoresMissingNegativeAndUnreadableValues() {
    HttpHeaders headers =
        HttpHeaders.of(
            Map.of(
                "X-RateLimit-Max", List.of("0"),
                "X-RateLimit-Interval-Milliseconds", List.of("soon"),
                "X-RateLimit-Remaining", List.of("-1")),
            (name, value) -> true);

    assertThat(RateLimitHeaders.from(headers))
        .isEqualTo(new RateLimitHeaders(null, null, null, null, null));
  }
}
