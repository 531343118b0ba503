package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts contact, note and task events to the receiver like HighLevel: a flat payload (the
 * contact's, note's or task's fields plus {@code type}, {@code timestamp} and a unique {@code
 * webhookId}), signed with both schemes. The first attempt runs synchronously on the caller's
 * thread, so when an emulator call returns, its webhook has been answered. Like HighLevel, only a
 * 429 answer is retried (up to {@code maxRetries} times, {@code retryDelay} apart, on a background
 * virtual thread); any other status or no answer is final. Thread-safe.
 */
final class GhlWebhookSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GhlWebhookSender.class);

  /** Contact fields HighLevel puts into contact events (docs/webhook-events/Contact*.md). */
  private static final List<String> PAYLOAD_FIELDS =
      List.of(
          "locationId",
          "id",
          "address1",
          "city",
          "state",
          "companyName",
          "country",
          "source",
          "dateAdded",
          "dateOfBirth",
          "dnd",
          "email",
          "name",
          "firstName",
          "lastName",
          "phone",
          "postalCode",
          "tags",
          "website",
          "attachments",
          "assignedTo",
          "customFields");

  private final GhlWebhookSigner signer;
  private final InstantSource clock;
  private final Duration retryDelay;
  private final int maxRetries;
  private final Duration timeout;
  private final HttpClient client;
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("ghl-emulator-webhook-retry").factory());
  private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
  private volatile List<URI> targets = List.of();
  private final AtomicLong turns = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile double dropShare;

  GhlWebhookSender(
      GhlWebhookSigner signer,
      InstantSource clock,
      Duration retryDelay,
      int maxRetries,
      Duration timeout) {
    this.signer = signer;
    this.clock = clock;
    this.retryDelay = retryDelay;
    this.maxRetries = maxRetries;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  void target(@Nullable URI url) {
    targets(url == null ? List.of() : List.of(url));
  }

  void targets(List<URI> urls) {
    this.targets = List.copyOf(urls);
  }

  /** The receiver of the next webhook, taking turns; null when none is set. */
  private @Nullable URI nextTarget() {
    List<URI> current = targets;
    if (current.isEmpty()) {
      return null;
    }
    return current.get((int) Math.floorMod(turns.getAndIncrement(), (long) current.size()));
  }

  /** From now on, loses this share (0 to 1) of the events it would send: never posted at all. */
  void dropShare(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be from 0 to 1, got " + share);
    }
    this.dropShare = share;
  }

  /** Events lost by {@link #dropShare} so far. */
  long dropped() {
    return dropped.get();
  }

  List<WebhookDelivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** Sends the contact event when a receiver is set; returns the first attempt. */
  Optional<WebhookDelivery> publish(String type, ObjectNode contact) {
    ObjectNode payload = GhlResponses.object();
    for (String field : PAYLOAD_FIELDS) {
      JsonNode value = contact.get(field);
      if (value != null && !value.isNull()) {
        payload.set(field, value);
      }
    }
    if (!payload.has("attachments")) {
      payload.putArray("attachments");
    }
    // Only the DND event documents the per-channel settings.
    JsonNode dndSettings = contact.get("dndSettings");
    if (type.equals("ContactDndUpdate") && dndSettings != null && !dndSettings.isNull()) {
      payload.set("dndSettings", dndSettings);
    }
    return publish(type, contact.path("id").asText(), payload);
  }

  /**
   * Sends a note or task event (docs/webhook-events/Note*.md, Task*.md): the documented fields of
   * the note or task, with its contact and location.
   */
  Optional<WebhookDelivery> publishSubject(
      String type, String locationId, ObjectNode subject, List<String> fields) {
    ObjectNode payload = GhlResponses.object().put("locationId", locationId);
    for (String field : fields) {
      JsonNode value = subject.get(field);
      if (value != null && !value.isNull()) {
        payload.set(field, value);
      }
    }
    return publish(type, subject.path("contactId").asText(), payload);
  }

  private Optional<WebhookDelivery> publish(String type, String contactId, ObjectNode fields) {
    URI url = nextTarget();
    if (url == null) {
      return Optional.empty();
    }
    if (dropShare > 0 && ThreadLocalRandom.current().nextDouble() < dropShare) {
      dropped.incrementAndGet();
      return Optional.empty();
    }
    ObjectNode payload = GhlResponses.object().put("type", type);
    payload.setAll(fields);
    String webhookId = UUID.randomUUID().toString();
    payload.put("timestamp", GhlContactStore.DATE_FORMAT.format(clock.instant()));
    payload.put("webhookId", webhookId);
    String body = GhlResponses.write(payload);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.putAll(signer.signatureHeaders(body.getBytes(StandardCharsets.UTF_8)));
    return Optional.of(send(webhookId, type, contactId, url, body, headers, 1));
  }

  /**
   * Signs and sends any body, well-formed or not, to the receiver: for tests of what a receiver
   * does with validly signed but bad payloads.
   */
  WebhookDelivery sendSigned(String body) {
    URI url = nextTarget();
    if (url == null) {
      throw new IllegalStateException("no webhook receiver set; call sendWebhooksTo first");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.putAll(signer.signatureHeaders(body.getBytes(StandardCharsets.UTF_8)));
    return send("", "raw", "", url, body, headers, 1);
  }

  /** Sends a past delivery again, byte for byte (same body, headers and webhookId). */
  WebhookDelivery redeliver(WebhookDelivery previous) {
    int attempt =
        deliveries.stream()
                .filter(delivery -> delivery.webhookId().equals(previous.webhookId()))
                .mapToInt(WebhookDelivery::attempt)
                .max()
                .orElse(previous.attempt())
            + 1;
    return send(
        previous.webhookId(),
        previous.type(),
        previous.contactId(),
        previous.url(),
        previous.body(),
        previous.headers(),
        attempt);
  }

  private WebhookDelivery send(
      String webhookId,
      String type,
      String contactId,
      URI url,
      String body,
      Map<String, String> headers,
      int attempt) {
    Answer answer = post(url, body, headers);
    int status = answer.status();
    WebhookDelivery delivery =
        new WebhookDelivery(
            webhookId, type, contactId, url, body, headers, attempt, status, answer.body());
    deliveries.add(delivery);
    log.atDebug()
        .addKeyValue("webhookId", webhookId)
        .addKeyValue("type", type)
        .addKeyValue("attempt", attempt)
        .addKeyValue("status", status)
        .log("emulated GHL webhook delivered");
    if (status == 429 && attempt <= maxRetries) {
      try {
        ScheduledFuture<?> unused =
            retries.schedule(
                () -> send(webhookId, type, contactId, url, body, headers, attempt + 1),
                retryDelay.toNanos(),
                TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException closed) {
        log.atDebug().addKeyValue("webhookId", webhookId).log("emulator closed; retry dropped");
      }
    }
    return delivery;
  }

  /** The receiver's status (0 when nothing answered) and body. */
  private record Answer(int status, String body) {}

  private Answer post(URI url, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Answer(0, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "");
    }
  }

  @Override
  public void close() {
    retries.shutdownNow();
    client.shutdownNow();
  }
}
