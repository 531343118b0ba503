package io.ghlcredly.ghl.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.TokenStore.AccountType;
import io.ghlcredly.http.HttpTransport;
import io.ghlcredly.http.JsonCodec;
import io.ghlcredly.http.oauth.OAuthTokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HighLevel's OAuth endpoints of apps/oauth.json: {@code POST /oauth/token} (code and refresh
 * grants) and {@code POST /oauth/locationToken}, both form-encoded. These carry credentials in both
 * directions, so they do not go through the connectors' {@link HttpTransport} (JSON bodies, a
 * bearer header on every call); like it, they log method, path and status only and map failures to
 * {@link ApiException}. Thread-safe.
 */
public final class GhlOAuthClient {
  private static final Logger log = LoggerFactory.getLogger(GhlOAuthClient.class);
  private static final String CONNECTOR = "ghl-oauth";

  private final GhlOAuthSettings settings;
  private final HttpClient http;
  private final JsonCodec json = new JsonCodec();
  private final InstantSource clock;

  public GhlOAuthClient(GhlOAuthSettings settings, HttpClient http, InstantSource clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  public static GhlOAuthClient create(GhlOAuthSettings settings, InstantSource clock) {
    return new GhlOAuthClient(settings, HttpTransport.defaultClient(settings.timeout()), clock);
  }

  public GhlOAuthSettings settings() {
    return settings;
  }

  /** Exchanges an authorization code from the install callback. */
  public GhlTokenGrant exchangeCode(String code) {
    Map<String, String> form = clientFields("authorization_code");
    form.put("code", code);
    form.put("user_type", userType(settings.userType()));
    form.put("redirect_uri", settings.redirectUri().toString());
    return grant(post("/oauth/token", form, null), null);
  }

  /**
   * Uses a (single-use) refresh token; the answer carries the next one.
   *
   * @param userType the type of the account the token belongs to
   */
  public GhlTokenGrant refresh(Secret refreshToken, AccountType userType) {
    Map<String, String> form = clientFields("refresh_token");
    form.put("refresh_token", refreshToken.reveal());
    form.put("user_type", userType(userType));
    return grant(post("/oauth/token", form, null), null);
  }

  /** Exchanges a company (agency) access token for a token of one of its locations. */
  public GhlTokenGrant locationToken(Secret companyToken, String companyId, String locationId) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("companyId", companyId);
    form.put("locationId", locationId);
    JsonNode body = post("/oauth/locationToken", form, companyToken);
    return grant(body, companyId);
  }

  /**
   * Whether a failure means the grant itself is dead (used, revoked, expired refresh token,
   * inactive location) rather than a passing problem or wrong client credentials.
   */
  public static boolean isGrantRejected(ApiException failure) {
    if (failure.status() != 400 && failure.status() != 401) {
      return false;
    }
    String message = failure.providerMessage().orElse("").toLowerCase(Locale.ROOT);
    return !message.contains("client credentials");
  }

  private Map<String, String> clientFields(String grantType) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", settings.clientId());
    form.put("client_secret", settings.clientSecret().reveal());
    form.put("grant_type", grantType);
    return form;
  }

  private GhlTokenGrant grant(JsonNode body, @Nullable String knownCompanyId) {
    String access = text(body, "access_token");
    if (access == null) {
      throw malformed("token response without access_token");
    }
    String refresh = text(body, "refresh_token");
    long expiresIn = body.path("expires_in").asLong(0);
    Instant expiresAt = clock.instant().plusSeconds(expiresIn > 0 ? expiresIn : 86399);
    OAuthTokens tokens =
        new OAuthTokens(
            Secret.of(access),
            refresh == null ? null : Secret.of(refresh),
            expiresAt,
            OAuthTokens.parseScopes(text(body, "scope")));
    String type = text(body, "userType");
    String locationId = text(body, "locationId");
    AccountType userType =
        "Company".equalsIgnoreCase(type) || (type == null && locationId == null)
            ? AccountType.COMPANY
            : AccountType.LOCATION;
    String companyId = text(body, "companyId");
    List<String> approved = new ArrayList<>();
    body.path("approvedLocations").forEach(id -> approved.add(id.asText()));
    return new GhlTokenGrant(
        tokens,
        userType,
        companyId == null ? knownCompanyId : companyId,
        locationId,
        approved,
        text(body, "userId"));
  }

  private JsonNode post(String path, Map<String, String> form, @Nullable Secret bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
            .timeout(settings.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("User-Agent", "ghl-credly-sync/0.1")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer.reveal());
      request.header("Version", settings.apiVersion());
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw failure(path, 0, "timed out", e);
    } catch (IOException e) {
      throw failure(path, 0, e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(path, 0, "interrupted", e);
    }
    log.atDebug()
        .addKeyValue("connector", CONNECTOR)
        .addKeyValue("path", path)
        .addKeyValue("status", response.statusCode())
        .log("oauth call");
    if (response.statusCode() / 100 != 2) {
      throw failure(path, response.statusCode(), message(response.body()).orElse(null), null);
    }
    return json.findTree(response.body())
        .filter(JsonNode::isObject)
        .orElseThrow(() -> malformed("token response is not a JSON object"));
  }

  /** {@code error: error_description}, or the NestJS {@code message}; never the tokens. */
  private Optional<String> message(String body) {
    return json.findTree(body)
        .filter(JsonNode::isObject)
        .map(
            root -> {
              StringJoiner parts = new StringJoiner(": ");
              for (String field : List.of("error", "error_description", "message")) {
                String value = text(root, field);
                if (value != null) {
                  parts.add(value.length() > 200 ? value.substring(0, 200) + "…" : value);
                }
              }
              return parts.toString();
            })
        .filter(text -> !text.isBlank());
  }

  private static ApiException failure(
      String path, int status, @Nullable String message, @Nullable Throwable cause) {
    ApiException.Kind kind =
        status == 0 ? ApiException.Kind.TRANSIENT : HttpTransport.kindOf(status);
    return new ApiException(CONNECTOR, "POST", path, status, kind, message, null, cause);
  }

  private static ApiException malformed(String what) {
    return new ApiException(
        CONNECTOR, "POST", "/oauth", 200, ApiException.Kind.TRANSIENT, what, null, null);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText();
    return text.isBlank() ? null : text;
  }

  private static String userType(AccountType type) {
    return type == AccountType.COMPANY ? "Company" : "Location";
  }

  private static String encode(Map<String, String> form) {
    StringJoiner body = new StringJoiner("&");
    form.forEach(
        (name, value) ->
            body.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return body.toString();
  }
}
