package io.ghlcredly.bench.sync;

import java.time.Duration;

/**
 * The shortest time an import of {@code contacts} can take, whatever our code does.
 *
 * <p>GHL: the import makes one count call, then one search page of up to 500 per call, in sequence
 * (each page's cursor comes from the previous one), until a page shorter than 500: {@code 1 +
 * contacts/500 + 1} calls (a last empty page when the count divides evenly). Each waits for the
 * previous answer ({@code latency}) and for a token. Two token schedules are computed: the
 * provider's (100 calls per sliding 10 s: calls 101-200 wait until 10 s, and so on) and our
 * limiter's for bulk work (BucketShapes: a burst bucket of 50 refilled 50 per 10 s, inside it a
 * bulk bucket of {@code floor(50 × share)} refilled {@code floor(50 × share)} per 10 s, greedily).
 * Our limiter's is the one that applies: bulk work never takes more than its share, by design.
 *
 * <p>Credly: every badge is one issue call of {@code latency}, at most {@code concurrency} in
 * flight: {@code badges × latency / concurrency}. Pages and jobs overlap, so the bound is the
 * larger of the two.
 */
record ImportBound(
    long calls, Duration provider, Duration limiter, Duration credly, double bulkPerSecond) {
  static final int PAGE = 500;
  private static final int BURST = 100;
  private static final Duration WINDOW = Duration.ofSeconds(10);

  static ImportBound of(
      long contacts, long badges, double share, Duration latency, int concurrency) {
    long calls = 1 + contacts / PAGE + 1;
    long burstCapacity = BURST / 2;
    long bulk = Math.max(1, (long) Math.floor(burstCapacity * share));
    double bulkPerSecond = bulk / (double) WINDOW.toSeconds();
    double burstPerSecond = (BURST - burstCapacity) / (double) WINDOW.toSeconds();
    double latencySeconds = latency.toNanos() / 1e9;
    double providerEnd = 0;
    double limiterEnd = 0;
    for (long i = 0; i < calls; i++) {
      long window = i / BURST;
      double providerToken = window * (double) WINDOW.toSeconds();
      providerEnd = Math.max(providerEnd, providerToken) + latencySeconds;
      double bulkToken = i < bulk ? 0 : (i - bulk + 1) / bulkPerSecond;
      double burstToken = i < burstCapacity ? 0 : (i - burstCapacity + 1) / burstPerSecond;
      limiterEnd = Math.max(limiterEnd, Math.max(bulkToken, burstToken)) + latencySeconds;
    }
    double credlySeconds = badges * latencySeconds / concurrency;
    return new ImportBound(
        calls, seconds(providerEnd), seconds(limiterEnd), seconds(credlySeconds), bulkPerSecond);
  }

  /** The bound that applies: our limiter's GHL schedule or Credly's, whichever is longer. */
  Duration bound() {
    return limiter.compareTo(credly) >= 0 ? limiter : credly;
  }

  String boundBy() {
    return limiter.compareTo(credly) >= 0 ? "GHL bulk budget" : "Credly concurrency";
  }

  private static Duration seconds(double value) {
    return Duration.ofNanos((long) (value * 1e9));
  }
}
