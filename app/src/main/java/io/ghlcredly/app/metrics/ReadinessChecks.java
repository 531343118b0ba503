package io.ghlcredly.app.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs readiness checks side by side, each on its own virtual thread, and waits for them at most
 * {@code timeout} in all: a locked database or a pool waiting for a connection must not hold the
 * probe. A check that throws or does not answer in time fails. Thread-safe.
 */
public final class ReadinessChecks {
  private final Supplier<List<ReadinessCheck>> source;
  private final Duration timeout;

  public ReadinessChecks(List<ReadinessCheck> checks, Duration timeout) {
    List<ReadinessCheck> fixed = List.copyOf(checks);
    this.source = () -> fixed;
    this.timeout = timeout;
  }

  /** Checks that may change while the service runs (a workspace created in the browser). */
  public ReadinessChecks(Supplier<List<ReadinessCheck>> checks, Duration timeout) {
    this.source = checks;
    this.timeout = timeout;
  }

  /** The names of the checks whose failure leaves the service ready (one workspace's). */
  public Set<String> advisory() {
    Set<String> names = new LinkedHashSet<>();
    source.get().stream()
        .filter(check -> !check.critical())
        .forEach(check -> names.add(check.name()));
    return names;
  }

  /** Each check's name and its problem (empty when it holds), in the order given. */
  public Map<String, Optional<String>> run() {
    Map<String, CompletableFuture<Optional<String>>> running = new LinkedHashMap<>();
    for (ReadinessCheck check : source.get()) {
      CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
      Thread.ofVirtual()
          .name("readiness-" + check.name())
          .start(
              () -> {
                try {
                  answer.complete(check.problem());
                } catch (RuntimeException e) {
                  // The type only: a message may hold connection details.
                  answer.complete(Optional.of("check failed: " + e.getClass().getSimpleName()));
                }
              });
      running.put(check.name(), answer);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Optional<String>> results = new LinkedHashMap<>();
    running.forEach((name, answer) -> results.put(name, await(answer, deadline)));
    return results;
  }

  private Optional<String> await(CompletableFuture<Optional<String>> answer, long deadline) {
    try {
      return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return Optional.of("no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      return Optional.of("check failed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }
}
