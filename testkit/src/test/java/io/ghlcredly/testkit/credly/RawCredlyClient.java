package io.ghlcredly.testkit.credly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** A bare HTTP client for testing the emulator without the production connector. */
final class RawCredlyClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient client = HttpClient.newHttpClient();
  private final CredlyEmulator emulator;
  private @Nullable String authorization;

  RawCredlyClient(CredlyEmulator emulator) {
    this.emulator = emulator;
    this.authorization = basic(emulator.authToken().reveal());
  }

  static String basic(String token) {
    return "Basic "
        + Base64.getEncoder().encodeToString((token + ":").getBytes(StandardCharsets.UTF_8));
  }

  RawCredlyClient authorization(@Nullable String value) {
    this.authorization = value;
    return this;
  }

  String orgPath(String rest) {
    return "/organizations/" + emulator.organizationId() + rest;
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply post(String path, String body) {
    return send("POST", path, body);
  }

  Reply put(String path, String body) {
    return send("PUT", path, body);
  }

  Reply delete(String path) {
    return send("DELETE", path, null);
  }

  /** Posts a form to an absolute URL, without the Authorization header (the OAuth endpoint). */
  Reply postForm(URI url, String form) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    String saved = authorization;
    authorization = null;
    try {
      return send(builder);
    } finally {
      authorization = saved;
    }
  }

  /** Follows an absolute URL such as a next_page_url. */
  Reply getAbsolute(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  private Reply send(String method, String path, @Nullable String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    return send(builder);
  }

  private Reply send(HttpRequest.Builder builder) {
    builder.timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json =
          response.body().isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
      return new Reply(response.statusCode(), json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Status and parsed body. */
  record Reply(int status, JsonNode body) {
    String message() {
      return body.path("data").path("message").asText();
    }
  }
}
