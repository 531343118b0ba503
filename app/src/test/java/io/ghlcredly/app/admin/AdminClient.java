package io.ghlcredly.app.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/** Plain HTTP calls to the admin surface of a running application, for tests. */
final class AdminClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  AdminClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<String> get(String path, @Nullable String bearer) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), bearer);
  }

  HttpResponse<String> post(String path, @Nullable String bearer) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()),
        bearer);
  }

  /** A urlencoded form post, with an optional cookie header. */
  HttpResponse<String> postForm(String path, String form, @Nullable String cookie) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return send(request, null);
  }

  HttpResponse<String> getWithCookie(String path, String cookie) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET(), null);
  }

  /** A browser session's POST to the admin API: its cookie and its CSRF token in the header. */
  HttpResponse<String> postWithSession(String path, String cookie, String csrf) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Cookie", cookie)
            .header("X-CSRF-Token", csrf)
            .POST(HttpRequest.BodyPublishers.noBody()),
        null);
  }

  /** A JSON body posted with the admin token. */
  HttpResponse<String> postJson(String path, String json, String bearer) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        bearer);
  }

  HttpResponse<String> delete(String path, @Nullable String bearer) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), bearer);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, @Nullable String bearer) {
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
