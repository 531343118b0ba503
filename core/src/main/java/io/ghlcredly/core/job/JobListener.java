package io.ghlcredly.core.job;

/**
 * Told how each run of a contact's sync job ended, for metrics. Implementations must be
 * thread-safe, fast and must not throw.
 */
@FunctionalInterface
public interface JobListener {
  /** A listener that ignores everything. */
  JobListener NONE = outcome -> {};

  /** How one run ended. */
  enum Outcome {
    /** The job ran to its end. */
    APPLIED,
    /** It failed and was rescheduled. */
    RETRIED,
    /** It failed for good: its events went to the dead letters. */
    DEAD_LETTERED
  }

  void jobFinished(Outcome outcome);
}
