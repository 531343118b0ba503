package io.ghlcredly.testkit.ghl;

import java.time.Duration;
import java.time.InstantSource;

/**
 * How a {@link GhlEmulator} behaves. Start from {@link #defaults()} and change what a test needs.
 *
 * @param port TCP port on loopback; 0 picks a free one
 * @param clock source of {@code dateAdded}/{@code dateUpdated}, webhook timestamps and the
 *     rate-limit windows
 * @param burstLimit calls per {@code burstWindow} per location (HighLevel: 100 per 10 s)
 * @param dailyLimit calls per UTC day per location (HighLevel: 200,000)
 * @param webhookRetryDelay wait before re-sending a webhook answered 429 (HighLevel: about 10 min)
 * @param webhookMaxRetries re-sends after 429 answers (HighLevel: 6)
 * @param webhookTimeout connect and response timeout of each webhook POST
 * @param connectionFaults listen through a proxy so that {@link
 *     io.ghlcredly.testkit.server.Fault#reset} can reset connections (one more loopback hop)
 */
public record GhlEmulatorSettings(
    int port,
    InstantSource clock,
    int burstLimit,
    Duration burstWindow,
    long dailyLimit,
    Duration webhookRetryDelay,
    int webhookMaxRetries,
    Duration webhookTimeout,
    boolean connectionFaults) {
  public GhlEmulatorSettings {
    if (port < 0 || burstLimit <= 0 || dailyLimit <= 0 || webhookMaxRetries < 0) {
      throw new IllegalArgumentException("port, limits and retries must not be negative");
    }
    if (burstWindow.isNegative() || burstWindow.isZero() || webhookRetryDelay.isNegative()) {
      throw new IllegalArgumentException("burstWindow must be positive, retry delay not negative");
    }
  }

  /** HighLevel's real limits, the system clock, and a fast 200 ms webhook retry delay. */
  public static GhlEmulatorSettings defaults() {
    return new GhlEmulatorSettings(
        0,
        InstantSource.system(),
        100,
        Duration.ofSeconds(10),
        200_000,
        Duration.ofMillis(200),
        6,
        Duration.ofSeconds(10),
        false);
  }

  public GhlEmulatorSettings withPort(int otherPort) {
    return new GhlEmulatorSettings(
        otherPort,
        clock,
        burstLimit,
        burstWindow,
        dailyLimit,
        webhookRetryDelay,
        webhookMaxRetries,
        webhookTimeout,
        connectionFaults);
  }

  public GhlEmulatorSettings withClock(InstantSource otherClock) {
    return new GhlEmulatorSettings(
        port,
        otherClock,
        burstLimit,
        burstWindow,
        dailyLimit,
        webhookRetryDelay,
        webhookMaxRetries,
        webhookTimeout,
        connectionFaults);
  }

  public GhlEmulatorSettings withRateLimits(int otherBurstLimit, long otherDailyLimit) {
    return new GhlEmulatorSettings(
        port,
        clock,
        otherBurstLimit,
        burstWindow,
        otherDailyLimit,
        webhookRetryDelay,
        webhookMaxRetries,
        webhookTimeout,
        connectionFaults);
  }

  public GhlEmulatorSettings withWebhookRetries(Duration delay, int maxRetries) {
    return new GhlEmulatorSettings(
        port,
        clock,
        burstLimit,
        burstWindow,
        dailyLimit,
        delay,
        maxRetries,
        webhookTimeout,
        connectionFaults);
  }

  /** The same settings with connection resets possible (see {@code connectionFaults}). */
  public GhlEmulatorSettings withConnectionFaults() {
    return new GhlEmulatorSettings(
        port,
        clock,
        burstLimit,
        burstWindow,
        dailyLimit,
        webhookRetryDelay,
        webhookMaxRetries,
        webhookTimeout,
        true);
  }
}
