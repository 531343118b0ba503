package io.ghlcredly.credly;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.http.HttpTransport;
import io.ghlcredly.http.JsonCodec;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Credly's OAuth token endpoint ({@code POST https://www.credly.com/oauth/token}, credly.md §2b):
 * exchanges client credentials for an access token. The request is a form post, as OAuth 2.0
 * requires; HttpTransport sends only JSON bodies, so this one call uses the JDK client directly,
 * with the same status-to-kind mapping. The response is read defensively ({@code access_token},
 * {@code expires_in}; two hours when absent). Thread-safe.
 */
final class OAuthTokenEndpoint {
  static final Duration DEFAULT_LIFETIME = Duration.ofHours(2);
  private static final String PATH = "/oauth/token";

  private final HttpClient client;
  private final Duration timeout;
  private final InstantSource clock;
  private final JsonCodec codec = new JsonCodec();

  OAuthTokenEndpoint(HttpClient client, Duration timeout, InstantSource clock) {
    this.client = client;
    this.timeout = timeout;
    this.clock = clock;
  }

  ClientCredentialsAuth.AccessToken fetch(CredlyCredentials.ClientCredentials credentials) {
    StringBuilder form =
        new StringBuilder("grant_type=client_credentials")
            .append("&client_id=")
            .append(encode(credentials.clientId()))
            .append("&client_secret=")
            .append(encode(credentials.clientSecret().reveal()));
    if (!credentials.scopes().isEmpty()) {
      form.append("&scope=").append(encode(String.join(" ", credentials.scopes())));
    }
    HttpRequest request =
        HttpRequest.newBuilder(credentials.tokenUrl())
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw failure(0, ApiException.Kind.TRANSIENT, e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(0, ApiException.Kind.TRANSIENT, "interrupted", e);
    }
    int status = response.statusCode();
    Optional<JsonNode> body = codec.findTree(response.body());
    if (status / 100 != 2) {
      // 400 invalid_client / 401: the credentials are wrong, retrying will not help.
      ApiException.Kind kind =
          status == 400 || status == 401
              ? ApiException.Kind.UNAUTHORIZED
              : HttpTransport.kindOf(status);
      throw failure(status, kind, body.flatMap(OAuthTokenEndpoint::errorText).orElse(null), null);
    }
    String token = body.map(tree -> tree.path("access_token").asText("")).orElse("");
    if (token.isBlank()) {
      throw failure(status, ApiException.Kind.TRANSIENT, "no access_token in the answer", null);
    }
    long seconds = body.map(tree -> tree.path("expires_in").asLong(0)).orElse(0L);
    Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME;
    return new ClientCredentialsAuth.AccessToken(Secret.of(token), clock.instant().plus(lifetime));
  }

  private static Optional<String> errorText(JsonNode body) {
    for (JsonNode candidate :
        new JsonNode[] {
          body.path("error_description"), body.path("error"), body.path("data").path("message")
        }) {
      if (candidate.isTextual()) {
        return Optional.of(candidate.asText());
      }
    }
    return Optional.empty();
  }

  private static ApiException failure(
      int status, ApiException.Kind kind, @Nullable String message, @Nullable Throwable cause) {
    return new ApiException("credly", "POST", PATH, status, kind, message, null, cause);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
