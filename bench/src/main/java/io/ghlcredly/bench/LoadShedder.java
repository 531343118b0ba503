package io.ghlcredly.bench;

import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Makes the Credly emulator behave like a provider that sheds load above a rate, which the emulator
 * has no switch for: every tick it counts the issue requests it accepted over a sliding window, and
 * while that is at the allowance it injects a 429 (Retry-After: 1) fault for every issue request,
 * clearing it once the window has room again. A sliding window of {@link #WINDOW} rather than one
 * second keeps the shedding smooth instead of one burst per second.
 */
final class LoadShedder implements AutoCloseable {
  static final Duration TICK = Duration.ofMillis(5);
  static final Duration WINDOW = Duration.ofMillis(200);
  private static final String ISSUE_PREFIX = "/organizations/";
  private static final EmulatorResponse TOO_MANY =
      EmulatorResponse.json(429, "{\"message\":\"Too many requests\"}")
          .withHeader("Retry-After", "1");

  private final CredlyEmulator emulator;
  private final double allowance;
  private final LongSupplier shedSoFar;
  private final Deque<Sample> samples = new ArrayDeque<>();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("bench-load-shedder").factory());
  private boolean shedding;

  /**
   * @param ratePerSecond issue requests accepted per second before shedding starts
   * @param shedSoFar how many 429s the client has seen, to tell accepted requests from shed ones
   */
  LoadShedder(CredlyEmulator emulator, int ratePerSecond, LongSupplier shedSoFar) {
    this.emulator = emulator;
    this.allowance = ratePerSecond * (WINDOW.toNanos() / 1e9);
    this.shedSoFar = shedSoFar;
  }

  LoadShedder start() {
    var unused = ticker.scheduleAtFixedRate(this::tick, 0, TICK.toNanos(), TimeUnit.NANOSECONDS);
    return this;
  }

  private void tick() {
    long now = System.nanoTime();
    long arrived = emulator.requests().stream().filter(LoadShedder::isIssue).count();
    long accepted = arrived - shedSoFar.getAsLong();
    samples.addLast(new Sample(now, accepted));
    while (samples.size() > 1 && now - samples.getFirst().atNanos() > WINDOW.toNanos()) {
      samples.removeFirst();
    }
    long inWindow = accepted - samples.getFirst().accepted();
    if (inWindow >= allowance && !shedding) {
      emulator.inject(Fault.status("POST", ISSUE_PREFIX, Integer.MAX_VALUE, TOO_MANY));
      shedding = true;
    } else if (inWindow < allowance && shedding) {
      emulator.clearFaults();
      shedding = false;
    }
  }

  private static boolean isIssue(EmulatorRequest request) {
    return "POST".equals(request.method())
        && request.path().startsWith(ISSUE_PREFIX)
        && request.path().endsWith("/badges");
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    emulator.clearFaults();
  }

  private record Sample(long atNanos, long accepted) {}
}
