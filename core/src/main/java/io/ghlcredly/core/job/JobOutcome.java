package io.ghlcredly.core.job;

import java.time.Instant;

/** What to do with a job after an attempt. */
public sealed interface JobOutcome {
  /** Finished; remove the job. */
  record Done() implements JobOutcome {}

  /** Failed for now; run again at the given instant. */
  record RetryAt(Instant at, String reason) implements JobOutcome {}

  /** Failed for good (permanent error or out of attempts); dead-letter it. */
  record Failed(String cause) implements JobOutcome {}
}
