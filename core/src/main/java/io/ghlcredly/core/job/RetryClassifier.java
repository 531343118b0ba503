package io.ghlcredly.core.job;

import io.ghlcredly.core.error.AccountDisconnectedException;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.error.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * The one place that decides whether a failure is retried. Call sites never decide: they throw, and
 * the job runner asks this classifier. Thread-safe.
 */
public final class RetryClassifier {
  private final RetryPolicy policy;
  private final RandomGenerator random;

  public RetryClassifier(RetryPolicy policy, RandomGenerator random) {
    this.policy = policy;
    this.random = random;
  }

  public RetryPolicy policy() {
    return policy;
  }

  /**
   * Maps a failed attempt to what happens next.
   *
   * @param failedAttempts attempts made so far, this one included
   */
  public JobOutcome classify(Throwable failure, int failedAttempts, Instant now) {
    if (failure instanceof AccountDisconnectedException disconnected) {
      // Work waits for the account to be reconnected; it does not use up its attempts.
      return new JobOutcome.RetryAt(now.plus(policy.maxDelay()), describe(disconnected));
    }
    if (!isRetryable(failure)) {
      return new JobOutcome.Failed(describe(failure));
    }
    if (policy.exhausted(failedAttempts)) {
      return new JobOutcome.Failed(
          "gave up after " + failedAttempts + " attempts: " + describe(failure));
    }
    Duration wait = policy.delayAfter(failedAttempts, random);
    if (failure instanceof ApiException api && api.retryAfter().isPresent()) {
      Duration asked = api.retryAfter().get();
      wait = asked.compareTo(wait) > 0 ? asked : wait;
    }
    return new JobOutcome.RetryAt(now.plus(wait), describe(failure));
  }

  /** True for failures that may succeed later: transient API errors, I/O and storage errors. */
  public boolean isRetryable(Throwable failure) {
    return switch (failure) {
      case ApiException api ->
          api.kind() == ApiException.Kind.TRANSIENT || api.kind() == ApiException.Kind.UNAUTHORIZED;
      case StorageException storage -> true;
      case AccountDisconnectedException disconnected -> true;
      case IOException io -> true;
      case UncheckedIOException io -> true;
      default -> false;
    };
  }

  /** A one-line cause for dead letters and logs: type and message, no stack trace. */
  public static String describe(Throwable failure) {
    String message = failure.getMessage();
    String name = failure.getClass().getSimpleName();
    return message == null ? name : name + ": " + message;
  }
}
