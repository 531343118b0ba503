package io.ghlcredly.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.testkit.ghl.WebhookDelivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forged, stale, malformed and oversized webhooks get a 4xx with a reason and change nothing: no
 * event is stored and no job is queued.
 */
class GhlWebhookBadInputIT {
  @TempDir Path folder;
  private DemoEnvironment env;
  private String ada;

  @BeforeEach
  void startEverything() {
    env = DemoEnvironment.start(folder, Duration.ofMillis(200));
    ada = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");
  }

  @AfterEach
  void stopEverything() {
    env.close();
  }

  @Test
  void refusesAWebhookWhoseBodyWasTamperedWith() throws Exception {
    WebhookDelivery genuine = env.ghl().sendSignedWebhook(payload("w-1", Instant.now()));
    String forged = genuine.body().replace("Lovelace", "Byron");

    HttpResponse<String> answer = post(forged, genuine.headers());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("signature does not match");
    assertThat(env.engine().stores().inbox().countAccepted()).isEqualTo(1);
  }

  @Test
  void refusesAnUnsignedWebhook() throws Exception {
    HttpResponse<String> answer = post(payload("w-2", Instant.now()), Map.of());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("missing signature");
    assertNothingStored();
  }

  @Test
  void refusesAStaleSignedWebhook() {
    WebhookDelivery stale =
        env.ghl().sendSignedWebhook(payload("w-3", Instant.now().minus(Duration.ofHours(1))));

    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.responseBody()).contains("stale timestamp");
    assertNothingStored();
  }

  @Test
  void refusesMalformedJsonEvenWhenSigned() {
    WebhookDelivery malformed = env.ghl().sendSignedWebhook("{\"type\":\"ContactTagUpdate\",");

    assertThat(malformed.status()).isEqualTo(400);
    assertNothingStored();
  }

  @Test
  void refusesAContactEventWithoutAContactId() {
    String body = payload("w-4", Instant.now()).replace("\"id\":\"" + ada + "\",", "");

    WebhookDelivery answer = env.ghl().sendSignedWebhook(body);

    assertThat(answer.status()).isEqualTo(400);
    assertNothingStored();
  }

  @Test
  void refusesAWebhookWithoutWebhookId() {
    String body = payload("w-5", Instant.now()).replace("\"webhookId\":\"w-5\",", "");

    WebhookDelivery answer = env.ghl().sendSignedWebhook(body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.responseBody()).contains("webhookId");
    assertNothingStored();
  }

  @Test
  void refusesAnOversizedBodyBeforeReadingIt() throws Exception {
    String huge = "{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

    HttpResponse<String> answer = post(huge, Map.of());

    assertThat(answer.statusCode()).isEqualTo(413);
    assertNothingStored();
  }

  @Test
  void acknowledgesButIgnoresEventTypesItDoesNotSync() {
    String body = payload("w-6", Instant.now()).replace("ContactTagUpdate", "OpportunityCreate");

    WebhookDelivery answer = env.ghl().sendSignedWebhook(body);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.responseBody()).contains("ignored");
    assertNothingStored();
  }

  private void assertNothingStored() {
    assertThat(env.engine().stores().inbox().countAccepted()).isZero();
    assertThat(env.engine().queuedJobs()).isZero();
  }

  private String payload(String webhookId, Instant timestamp) {
    return """
        {"type":"ContactTagUpdate","locationId":"%s","id":"%s","firstName":"Ada",\
        "lastName":"Lovelace","email":"ada@example.com","tags":["course-101-complete"],\
        "webhookId":"%s","timestamp":"%s"}"""
        .formatted(env.ghl().locationId(), ada, webhookId, timestamp);
  }

  private HttpResponse<String> post(String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + env.engine().port() + "/webhooks/ghl"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("content-length")) {
            request.header(name, value);
          }
        });
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
