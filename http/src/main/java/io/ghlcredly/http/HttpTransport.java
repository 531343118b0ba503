package io.ghlcredly.http;

import io.ghlcredly.core.error.ApiException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a connector sends a request: applies the base URL, default headers, auth header and
 * timeout, logs method, path and status (never headers, query or body) and turns every failure into
 * an {@link ApiException} whose kind says whether retrying can help. An optional {@link
 * RequestGate} (the rate limiter) is consulted before each send and fed each response. Thread-safe.
 */
public final class HttpTransport {
  private static final Logger log = LoggerFactory.getLogger(HttpTransport.class);
  private static final String USER_AGENT = "ghl-credly-sync/0.1";

  private final HttpClient client;
  private final TransportSettings settings;
  private final Authenticator authenticator;
  private final ErrorMessageReader errorReader;
  private final RequestGate gate;
  private final HttpObserver observer;

  public HttpTransport(
      HttpClient client,
      TransportSettings settings,
      Authenticator authenticator,
      ErrorMessageReader errorReader) {
    this(client, settings, authenticator, errorReader, RequestGate.OPEN);
  }

  /**
   * A transport that passes every request through {@code gate} (for example a rate limiter): the
   * gate may hold or refuse a request before it is sent and sees every response's headers.
   */
  public HttpTransport(
      HttpClient client,
      TransportSettings settings,
      Authenticator authenticator,
      ErrorMessageReader errorReader,
      RequestGate gate) {
    this(client, settings, authenticator, errorReader, gate, HttpObserver.NONE);
  }

  /** As above, telling {@code observer} about every exchange (status 0 when none arrived). */
  public HttpTransport(
      HttpClient client,
      TransportSettings settings,
      Authenticator authenticator,
      ErrorMessageReader errorReader,
      RequestGate gate,
      HttpObserver observer) {
    this.observer = observer;
    this.client = client;
    this.settings = settings;
    this.authenticator = authenticator;
    this.errorReader = errorReader;
    this.gate = gate;
  }

  /** A client suited to connectors: HTTP/1.1, connect timeout, redirects not followed. */
  public static HttpClient defaultClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public String connector() {
    return settings.connector();
  }

  /**
   * Sends the request and returns the 2xx response.
   *
   * @throws ApiException for a non-2xx status, a timeout or an I/O failure
   */
  public ApiResponse send(ApiRequest request) {
    String authorization = authenticator.authorization();
    HttpResponse<String> response = exchange(request, authorization);
    // The only in-call retry: one replay after the credentials were renewed following a 401.
    if (response.statusCode() == 401 && authenticator.renewAfterUnauthorized(authorization)) {
      response = exchange(request, authenticator.authorization());
    }
    if (response.statusCode() / 100 == 2) {
      return new ApiResponse(response.statusCode(), response.headers(), response.body());
    }
    throw failure(request, response);
  }

  private HttpResponse<String> exchange(ApiRequest request, String authorization) {
    gate.beforeSend(settings.connector(), request);
    HttpRequest httpRequest = build(request, authorization);
    long started = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = client.send(httpRequest, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      observe(request, 0, started);
      throw noResponse(request, "timed out after " + settings.timeout().toMillis() + " ms", e);
    } catch (IOException e) {
      observe(request, 0, started);
      throw noResponse(request, e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      observe(request, 0, started);
      throw noResponse(request, "interrupted", e);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    observe(request, response.statusCode(), started);
    gate.afterResponse(request, response.statusCode(), response.headers());
    log.atDebug()
        .addKeyValue("connector", settings.connector())
        .addKeyValue("method", request.method())
        .addKeyValue("path", request.pathForLogs())
        .addKeyValue("status", response.statusCode())
        .addKeyValue("millis", millis)
        .log("api call");
    return response;
  }

  private void observe(ApiRequest request, int status, long startedNanos) {
    observer.exchanged(
        settings.connector(),
        request.method(),
        request.pathForLogs(),
        status,
        Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  private HttpRequest build(ApiRequest request, String authorization) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(settings.baseUrl() + request.path()))
            .timeout(settings.timeout())
            .header("User-Agent", USER_AGENT)
            .header("Accept", "application/json")
            .header("Authorization", authorization);
    for (Map.Entry<String, String> header : settings.defaultHeaders().entrySet()) {
      builder.header(header.getKey(), header.getValue());
    }
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      builder.setHeader(header.getKey(), header.getValue());
    }
    String body = request.body();
    if (body == null) {
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", "application/json");
      builder.method(request.method(), HttpRequest.BodyPublishers.ofString(body));
    }
    return builder.build();
  }

  private ApiException noResponse(ApiRequest request, String what, Throwable cause) {
    return new ApiException(
        settings.connector(),
        request.method(),
        request.pathForLogs(),
        0,
        ApiException.Kind.TRANSIENT,
        what,
        null,
        cause);
  }

  private ApiException failure(ApiRequest request, HttpResponse<String> response) {
    int status = response.statusCode();
    Optional<String> message = errorReader.read(response.body()).map(HttpTransport::truncate);
    return new ApiException(
        settings.connector(),
        request.method(),
        request.pathForLogs(),
        status,
        kindOf(status),
        message.orElse(null),
        RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null)),
        null);
  }

  /** Maps a status to how it is handled; connectors refine CONFLICT cases they know. */
  public static ApiException.Kind kindOf(int status) {
    if (status == 429 || status >= 500 || status == 408) {
      return ApiException.Kind.TRANSIENT;
    }
    if (status == 401) {
      return ApiException.Kind.UNAUTHORIZED;
    }
    if (status == 409) {
      return ApiException.Kind.CONFLICT;
    }
    return ApiException.Kind.PERMANENT;
  }

  private static String truncate(String message) {
    return message.length() <= 300 ? message : message.substring(0, 300) + "…";
  }

  /** Parses Retry-After (delta seconds or HTTP date). */
  static final class RetryAfter {
    private RetryAfter() {}

    static @Nullable Duration parse(@Nullable String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      try {
        long seconds = Long.parseLong(value.trim());
        return seconds < 0 ? null : Duration.ofSeconds(seconds);
      } catch (NumberFormatException notSeconds) {
        try {
          java.time.ZonedDateTime at =
              java.time.ZonedDateTime.parse(
                  value.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
          Duration wait = Duration.between(java.time.Instant.now(), at.toInstant());
          return wait.isNegative() ? Duration.ZERO : wait;
        } catch (java.time.format.DateTimeParseException notDate) {
          return null;
        }
      }
    }
  }
}
