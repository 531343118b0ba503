package io.ghlcredly.testkit.credly;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts Credly's thin webhook ({@code {"id","organization_id","event_type","occurred_at"}}, no
 * signature) for each event, in the background as Credly does. Anything but a 200 (or no answer) is
 * retried at growing intervals (Credly: "progressively less frequent", for up to 25 days; here
 * {@code firstRetry} doubling, at most {@code maxAttempts} in all). Thread-safe.
 */
final class CredlyWebhookSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CredlyWebhookSender.class);

  private final String organizationId;
  private final CredlyJson json;
  private final HttpClient client;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("credly-emulator-webhook").factory());
  private final List<CredlyWebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
  private volatile @Nullable URI target;
  private volatile Duration firstRetry = Duration.ofMillis(100);
  private volatile int maxAttempts = 5;

  CredlyWebhookSender(String organizationId, CredlyJson json) {
    this.organizationId = organizationId;
    this.json = json;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  void target(@Nullable URI url) {
    this.target = url;
  }

  void retries(Duration first, int attempts) {
    this.firstRetry = first;
    this.maxAttempts = attempts;
  }

  List<CredlyWebhookDelivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** Schedules the event's first delivery; returns at once. */
  void publish(CredlyEvent event) {
    URI url = target;
    if (url == null) {
      return;
    }
    String body = json.webhook(event, organizationId);
    schedule(event, url, body, 1, Duration.ZERO);
  }

  private void schedule(CredlyEvent event, URI url, String body, int attempt, Duration delay) {
    try {
      ScheduledFuture<?> unused =
          executor.schedule(
              () -> deliver(event, url, body, attempt), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      log.atDebug().addKeyValue("eventId", event.id()).log("emulator closed; webhook dropped");
    }
  }

  private void deliver(CredlyEvent event, URI url, String body, int attempt) {
    int status = post(url, body);
    deliveries.add(new CredlyWebhookDelivery(event.id(), event.type(), url, body, attempt, status));
    if (status != 200 && attempt < maxAttempts) {
      schedule(event, url, body, attempt + 1, firstRetry.multipliedBy(1L << (attempt - 1)));
    }
  }

  private int post(URI url, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    client.shutdownNow();
  }
}
