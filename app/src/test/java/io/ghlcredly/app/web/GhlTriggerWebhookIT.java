package io.ghlcredly.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.testkit.ghl.WebhookDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Note and task webhooks go from the GHL emulator over HTTP through the real route into the inbox,
 * and the contact's job marks them processed; app uninstalls are answered without touching the
 * inbox.
 */
class GhlTriggerWebhookIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper MAPPER = new ObjectMapper();

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
  void storesAndProcessesANoteCreateWebhook() throws Exception {
    HttpResponse<String> created =
        callGhl("POST", "/contacts/" + ada + "/notes", "{\"body\":\"Met at the fair\"}");
    assertThat(created.statusCode()).isEqualTo(201);

    WebhookDelivery delivery = env.ghl().deliveries().getFirst();
    assertThat(delivery.type()).isEqualTo("NoteCreate");
    assertThat(delivery.status()).isEqualTo(200);
    assertThat(env.engine().stores().inbox().countAccepted()).isEqualTo(1);
    awaitProcessed();
  }

  @Test
  void storesAndProcessesATaskCompleteWebhook() throws Exception {
    JsonNode task =
        MAPPER.readTree(
            callGhl(
                    "POST",
                    "/contacts/" + ada + "/tasks",
                    "{\"title\":\"Course 101\",\"dueDate\":\"2026-04-01T00:00:00Z\","
                        + "\"completed\":false}")
                .body());
    String taskId = task.path("task").path("id").asText();

    callGhl("PUT", "/contacts/" + ada + "/tasks/" + taskId + "/completed", "{\"completed\":true}");

    assertThat(env.ghl().deliveries())
        .extracting(WebhookDelivery::type, WebhookDelivery::status)
        .containsExactly(Tuple.tuple("TaskCreate", 200), Tuple.tuple("TaskComplete", 200));
    assertThat(env.engine().stores().inbox().countAccepted()).isEqualTo(2);
    awaitProcessed();
  }

  @Test
  void answersAnUninstallWithoutStoringAnEvent() {
    WebhookDelivery answer =
        env.ghl()
            .sendSignedWebhook(
                """
                {"type":"UNINSTALL","appId":"ve9EPM428h8vShlRW1KT","locationId":"%s",\
                "webhookId":"w-uninstall","timestamp":"%s"}"""
                    .formatted(env.ghl().locationId(), Instant.now()));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.responseBody()).contains("accepted");
    assertThat(env.engine().stores().inbox().countAccepted()).isZero();
  }

  private void awaitProcessed() {
    await()
        .atMost(WAIT)
        .until(() -> env.engine().stores().inbox().listPending(new ContactId(ada)).isEmpty());
  }

  private HttpResponse<String> callGhl(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(env.ghl().baseUrl() + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Authorization", "Bearer " + env.ghl().accessToken().reveal())
            .header("Version", "2021-07-28")
            .header("Content-Type", "application/json")
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
