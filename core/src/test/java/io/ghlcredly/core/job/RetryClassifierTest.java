package io.ghlcredly.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RetryClassifierTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final RetryPolicy policy =
      new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(20));
  private final RetryClassifier classifier = new RetryClassifier(policy, new SplittableRandom(7));

  @Test
  void retriesServerErrorsWithExponentialBackoffAndJitter() {
    for (int attempt = 1; attempt <= 3; attempt++) {
      JobOutcome outcome =
          classifier.classify(api(503, ApiException.Kind.TRANSIENT, null), attempt, NOW);

      long ceiling = Math.min(20_000, 2_000L << (attempt - 1));
      assertThat(outcome).isInstanceOf(JobOutcome.RetryAt.class);
      Duration wait = Duration.between(NOW, ((JobOutcome.RetryAt) outcome).at());
      assertThat(wait.toMillis()).isBetween(ceiling / 2, ceiling);
    }
  }

  @Test
  void waitsAtLeastAsLongAsRetryAfterAsks() {
    JobOutcome outcome =
        classifier.classify(api(429, ApiException.Kind.TRANSIENT, Duration.ofSeconds(90)), 1, NOW);

    assertThat(outcome)
        .isEqualTo(
            new JobOutcome.RetryAt(NOW.plusSeconds(90), ((JobOutcome.RetryAt) outcome).reason()));
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    JobOutcome outcome = classifier.classify(api(500, ApiException.Kind.TRANSIENT, null), 4, NOW);

    assertThat(outcome).isInstanceOf(JobOutcome.Failed.class);
    assertThat(((JobOutcome.Failed) outcome).cause()).startsWith("gave up after 4 attempts");
  }

  @Test
  void failsAtOnceOnPermanentErrorsKeepingTheProviderMessage() {
    JobOutcome outcome = classifier.classify(api(422, ApiException.Kind.PERMANENT, null), 1, NOW);

    assertThat(outcome).isInstanceOf(JobOutcome.Failed.class);
    assertThat(((JobOutcome.Failed) outcome).cause())
        .contains("HTTP 422")
        .contains("provider says no");
  }

  @Test
  void waitsForADisconnectedAccountWithoutUsingUpAttempts() {
    JobOutcome outcome =
        classifier.classify(
            new io.ghlcredly.core.error.AccountDisconnectedException("location:abc", "revoked"),
            100,
            NOW);

    assertThat(outcome).isInstanceOf(JobOutcome.RetryAt.class);
    assertThat(((JobOutcome.RetryAt) outcome).at()).isEqualTo(NOW.plus(policy.maxDelay()));
  }

  @Test
  void failsAtOnceOnProgrammingErrors() {
    assertThat(classifier.classify(new IllegalStateException("bug"), 1, NOW))
        .isInstanceOf(JobOutcome.Failed.class);
  }

  @Test
  void retryDelayNeverExceedsTheMaximum() {
    SplittableRandom random = new SplittableRandom(1);
    for (int attempt = 1; attempt < 40; attempt++) {
      assertThat(policy.delayAfter(attempt, random)).isLessThanOrEqualTo(Duration.ofSeconds(20));
    }
  }

  private static ApiException api(
      int status, ApiException.Kind kind, @Nullable Duration retryAfter) {
    return new ApiException(
        "credly", "POST", "/badges", status, kind, "provider says no", retryAfter, null);
  }
}
