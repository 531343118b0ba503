package io.ghlcredly.bench;

import java.time.Duration;

/**
 * What one run measured.
 *
 * @param badges how many badges were asked for (one per contact)
 * @param elapsed from the first call to the last badge confirmed
 * @param latency of each successful issue call, waiting for a concurrency slot included
 * @param endToEnd per badge, from its first attempt to success, Retry-After waits included
 * @param throttled 429 answers the client saw
 * @param transientRetries other TRANSIENT failures retried (slot wait timeouts, 5xx, timeouts)
 * @param alreadyIssued retries the gateway resolved as "already issued"
 * @param errors badges given up on
 * @param minLimit the lowest adaptive concurrency limit observed
 * @param finalLimit the adaptive limit at the end
 * @param held badges the emulator holds after the run
 * @param duplicates contacts holding more than one badge of the template
 */
public record RunResult(
    BenchConfig config,
    int badges,
    Duration elapsed,
    LatencySummary latency,
    LatencySummary endToEnd,
    long throttled,
    long transientRetries,
    long alreadyIssued,
    long errors,
    int minLimit,
    int finalLimit,
    int held,
    long duplicates) {

  public double badgesPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds == 0 ? 0 : badges / seconds;
  }

  /** Exactly one badge per contact: none lost, none duplicated, nothing given up on. */
  public boolean verified() {
    return held == badges && duplicates == 0 && errors == 0;
  }
}
