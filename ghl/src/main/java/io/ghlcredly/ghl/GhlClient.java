package io.ghlcredly.ghl;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.ghl.api.GetContactResponse;
import io.ghlcredly.http.ApiRequest;
import io.ghlcredly.http.ApiResponse;
import io.ghlcredly.http.Authenticator;
import io.ghlcredly.http.HttpTransport;
import io.ghlcredly.http.JsonCodec;
import io.ghlcredly.http.TransportSettings;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * HighLevel API v2, one method per endpoint, returning wire DTOs. Every call goes through one
 * {@link HttpTransport} that sends {@code Authorization: Bearer …} and {@code Version: …}.
 * Thread-safe.
 */
public final class GhlClient {
  /** Connector name used in errors and logs. */
  public static final String CONNECTOR = "ghl";

  /**
   * HighLevel documents no {@code Retry-After} on 429; its burst window is 10 s, so waiting one
   * window is the earliest a retry can succeed.
   */
  static final Duration RATE_LIMIT_WINDOW = Duration.ofSeconds(10);

  private final HttpTransport transport;
  private final JsonCodec json;

  /** For custom wiring; {@code transport} must already send the Version and auth headers. */
  public GhlClient(HttpTransport transport, JsonCodec json) {
    this.transport = transport;
    this.json = json;
  }

  /** A client with a static token (Private Integration Token or a location access token). */
  public static GhlClient create(GhlSettings settings) {
    String authorization = "Bearer " + settings.accessToken().reveal();
    return create(settings, () -> authorization);
  }

  /** A client whose token comes from elsewhere, such as a refreshing OAuth token provider. */
  public static GhlClient create(GhlSettings settings, Authenticator authenticator) {
    JsonCodec json = new JsonCodec();
    TransportSettings transportSettings =
        new TransportSettings(
            CONNECTOR,
            settings.baseUrl(),
            settings.timeout(),
            Map.of("Version", settings.apiVersion()));
    HttpTransport transport =
        new HttpTransport(
            HttpTransport.defaultClient(settings.timeout()),
            transportSettings,
            authenticator,
            new GhlErrorMessageReader(json));
    return new GhlClient(transport, json);
  }

  /**
   * {@code GET /contacts/{contactId}}. An unknown id fails with HTTP 400 ("Contact with id … not
   * found") or 404; {@link GhlCrmGateway} turns those into an empty result.
   *
   * @throws ApiException on any non-2xx answer, I/O failure, or a body without a contact
   */
  public GetContactResponse getContact(ContactId contactId) {
    ApiRequest request = ApiRequest.get("/contacts/" + pathSegment(contactId.value()));
    GetContactResponse response = read(request, GetContactResponse.class);
    if (response.contact() == null) {
      throw malformed(request, "response has no contact", null);
    }
    return response;
  }

  private <T> T read(ApiRequest request, Class<T> type) {
    ApiResponse response = send(request);
    try {
      return json.read(response.body(), type);
    } catch (UncheckedIOException e) {
      throw malformed(request, "unreadable " + type.getSimpleName(), e);
    }
  }

  private ApiResponse send(ApiRequest request) {
    try {
      return transport.send(request);
    } catch (ApiException e) {
      if (e.status() == 429 && e.retryAfter().isEmpty()) {
        throw new ApiException(
            e.connector(),
            e.method(),
            e.path(),
            e.status(),
            e.kind(),
            e.providerMessage().orElse(null),
            RATE_LIMIT_WINDOW,
            e);
      }
      throw e;
    }
  }

  private static ApiException malformed(
      ApiRequest request, String what, @Nullable Throwable cause) {
    // A 2xx with a body we cannot use is most likely a glitch upstream; let the job retry.
    return new ApiException(
        CONNECTOR,
        request.method(),
        request.pathForLogs(),
        200,
        ApiException.Kind.TRANSIENT,
        what,
        null,
        cause);
  }

  /** Percent-encodes one path segment ({@code /} and spaces included). */
  static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
