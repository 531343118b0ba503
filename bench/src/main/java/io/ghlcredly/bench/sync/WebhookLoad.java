package io.ghlcredly.bench.sync;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts signed webhooks to one or more service instances (round robin) on virtual threads, either
 * as fast as a fixed number of senders can (closed model: throughput) or at a fixed rate whatever
 * the answers take (open model: each send starts at its scheduled time, and its response time is
 * counted from then, so a slow server cannot hide its backlog). Thread-safe.
 */
final class WebhookLoad implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final List<URI> targets;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .build();

  /**
   * @param targets the webhook URLs of the instances
   */
  WebhookLoad(List<URI> targets) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no target");
    }
    this.targets = List.copyOf(targets);
  }

  /**
   * One webhook sent and its answer.
   *
   * @param status 0 when nothing answered
   * @param startNanos when it was due (open model) or sent (closed model), {@link System#nanoTime}
   * @param endNanos when the answer came
   * @param answeredAt the same moment on the wall clock, to compare with emulator arrivals
   * @param failure why nothing answered ({@code connect timeout}, {@code response timeout}, {@code
   *     connection refused}, {@code connection reset} or the exception's name); empty when answered
   */
  record Sent(
      SignedWebhooks.Webhook webhook,
      int status,
      long startNanos,
      long endNanos,
      Instant answeredAt,
      String failure) {
    long responseNanos() {
      return endNanos - startNanos;
    }

    boolean accepted() {
      return status / 100 == 2;
    }
  }

  /** Sends every webhook with {@code senders} senders, each posting its next one when answered. */
  List<Sent> closed(List<SignedWebhooks.Webhook> hooks, int senders) {
    AtomicReferenceArray<Sent> results = new AtomicReferenceArray<>(hooks.size());
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int s = 0; s < senders; s++) {
        executor.execute(
            () -> {
              for (int i = next.getAndIncrement(); i < hooks.size(); i = next.getAndIncrement()) {
                results.set(i, post(i, hooks.get(i), System.nanoTime()));
              }
            });
      }
    }
    return collect(results);
  }

  /** Sends the webhooks at {@code perSecond}, each on its own virtual thread at its due time. */
  List<Sent> paced(List<SignedWebhooks.Webhook> hooks, double perSecond) {
    AtomicReferenceArray<Sent> results = new AtomicReferenceArray<>(hooks.size());
    long interval = (long) (1e9 / perSecond);
    long start = System.nanoTime();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < hooks.size(); i++) {
        long due = start + i * interval;
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
        int index = i;
        executor.execute(() -> results.set(index, post(index, hooks.get(index), due)));
      }
    }
    return collect(results);
  }

  private Sent post(int index, SignedWebhooks.Webhook hook, long startNanos) {
    HttpRequest request =
        HttpRequest.newBuilder(targets.get(index % targets.size()))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("x-ghl-signature", hook.signature())
            .POST(HttpRequest.BodyPublishers.ofString(hook.body()))
            .build();
    int status;
    String failure = "";
    try {
      status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      status = 0;
      failure = failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 0;
      failure = "interrupted";
    }
    return new Sent(hook, status, startNanos, System.nanoTime(), Instant.now(), failure);
  }

  private static String failure(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "connect timeout";
    }
    if (e instanceof HttpTimeoutException) {
      return "response timeout";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("reset")) {
      return "connection reset";
    }
    if (message.contains("closed") || message.contains("eof")) {
      return "closed without an answer";
    }
    return e.getClass().getSimpleName() + " " + String.valueOf(e.getMessage()).strip();
  }

  private static List<Sent> collect(AtomicReferenceArray<Sent> results) {
    List<Sent> all = new ArrayList<>(results.length());
    for (int i = 0; i < results.length(); i++) {
      all.add(results.get(i));
    }
    return all;
  }

  @Override
  public void close() {
    client.shutdownNow();
  }
}
