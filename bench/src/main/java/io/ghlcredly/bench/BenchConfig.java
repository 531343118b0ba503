package io.ghlcredly.bench;

/**
 * One benchmark run's setup.
 *
 * @param maxConcurrency the Credly client's {@code maxConcurrency}
 * @param shedRate when positive, the emulator answers 429 (Retry-After: 1) to issue requests above
 *     this many per second; 0 means no shedding
 */
public record BenchConfig(int maxConcurrency, int shedRate) {
  public BenchConfig {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1");
    }
    if (shedRate < 0) {
      throw new IllegalArgumentException("shedRate must not be negative");
    }
  }

  public boolean shedding() {
    return shedRate > 0;
  }

  public String label() {
    return "max " + maxConcurrency + (shedding() ? ", shed > " + shedRate + "/s" : ", no shedding");
  }
}
