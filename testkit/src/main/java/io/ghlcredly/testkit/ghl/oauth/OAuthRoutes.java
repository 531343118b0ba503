package io.ghlcredly.testkit.ghl.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.testkit.ghl.oauth.OAuthGrants.Grant;
import io.ghlcredly.testkit.ghl.oauth.OAuthGrants.Issued;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.EmulatorServer;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP side of the OAuth endpoints of apps/oauth.json: form-encoded bodies in, JSON out. Error
 * bodies follow what integrators observed: {@code {"error":"UnAuthorized!","error_description": …}}
 * for a bad code or client, and {@code {"error":"invalid_grant",…}} with 400 for a refresh token
 * that was used, revoked or never issued. Thread-safe.
 */
final class OAuthRoutes {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final GhlOAuthEmulator emulator;
  private final OAuthGrants grants;

  OAuthRoutes(GhlOAuthEmulator emulator, OAuthGrants grants) {
    this.emulator = emulator;
    this.grants = grants;
  }

  void register(EmulatorServer server) {
    server.route("POST", "/oauth/token", this::token);
    server.route("POST", "/oauth/locationToken", this::locationToken);
    server.route("GET", "/v2/oauth/chooselocation", this::chooseLocation);
  }

  /** The consent page, approved at once for the account the test chose. */
  private EmulatorResponse chooseLocation(EmulatorRequest request) {
    Map<String, String> query = request.query();
    String redirectUri = query.getOrDefault("redirect_uri", "");
    if (!"code".equals(query.get("response_type")) || redirectUri.isBlank()) {
      return error(400, "invalid_request", "response_type=code and redirect_uri are required");
    }
    if (!emulator.clientId().equals(query.get("client_id"))) {
      return error(400, "invalid_request", "error.noversionid");
    }
    String code =
        emulator.authorize(
            emulator.clientId(),
            redirectUri,
            emulator.consentingAccount(),
            OAuthScopes.parse(query.get("scope")));
    StringBuilder location = new StringBuilder(redirectUri);
    location.append(redirectUri.contains("?") ? '&' : '?').append("code=").append(encode(code));
    String state = query.get("state");
    if (state != null) {
      location.append("&state=").append(encode(state));
    }
    return new EmulatorResponse(302, Map.of("Location", location.toString()), "");
  }

  private EmulatorResponse token(EmulatorRequest request) {
    Map<String, String> form = request.form();
    if (!emulator.clientId().equals(form.get("client_id"))
        || !secretMatches(form.getOrDefault("client_secret", ""))) {
      return error(401, "UnAuthorized!", "Invalid client credentials!");
    }
    String grantType = form.getOrDefault("grant_type", "");
    return switch (grantType) {
      case "authorization_code" -> authorizationCode(form);
      case "refresh_token" -> refreshToken(form);
      default -> error(422, "unsupported_grant_type", "grant_type must be one of the enum");
    };
  }

  private EmulatorResponse authorizationCode(Map<String, String> form) {
    Optional<OAuthGrants.Code> code = grants.takeCode(form.getOrDefault("code", ""));
    if (code.isEmpty()) {
      return error(401, "UnAuthorized!", "Authorization code not found");
    }
    String redirectUri = form.get("redirect_uri");
    if (redirectUri != null && !redirectUri.equals(code.get().redirectUri())) {
      return error(400, "invalid_grant", "redirect_uri does not match the authorization request");
    }
    Grant grant = code.get().grant();
    emulator.installed(grant);
    return tokenResponse(grant, grants.issue(grant, true));
  }

  private EmulatorResponse refreshToken(Map<String, String> form) {
    OAuthGrants.Refresh outcome =
        grants.refresh(form.getOrDefault("refresh_token", ""), form.getOrDefault("user_type", ""));
    return switch (outcome) {
      case OAuthGrants.Refresh.Done done -> tokenResponse(done.grant(), done.issued());
      case OAuthGrants.Refresh.Refused refused ->
          error(400, "invalid_grant", refused.description());
    };
  }

  private EmulatorResponse locationToken(EmulatorRequest request) {
    if (request.header("Version").isEmpty()) {
      return unauthorized("version header was not found.");
    }
    String bearer = request.header("Authorization").orElse("");
    OAuthGrants.Access access =
        grants.check(bearer.startsWith("Bearer ") ? bearer.substring(7) : "");
    if (!(access instanceof OAuthGrants.Access.Valid valid)) {
      return unauthorized("Invalid JWT");
    }
    Grant company = valid.grant();
    if (!company.company() || !company.scopes().contains("oauth.write")) {
      return unauthorized("The token is not authorized for this scope.");
    }
    Map<String, String> form = request.form();
    String locationId = form.getOrDefault("locationId", "");
    if (!company.accountId().equals(form.get("companyId")) || !emulator.hasLocation(locationId)) {
      return error(400, "Bad Request", "Location not found for this company");
    }
    Grant location =
        new Grant("Location", locationId, company.companyId(), company.scopes(), company.userId());
    Issued issued = grants.issue(location, false);
    ObjectNode body =
        MAPPER
            .createObjectNode()
            .put("access_token", issued.accessToken())
            .put("token_type", "Bearer")
            .put("expires_in", OAuthGrants.ACCESS_LIFETIME.toSeconds())
            .put("scope", String.join(" ", location.scopes()))
            .put("locationId", locationId)
            .put("userId", location.userId())
            .put("appId", emulator.appId())
            .put("versionId", emulator.appId());
    return json(200, body);
  }

  private EmulatorResponse tokenResponse(Grant grant, Issued issued) {
    ObjectNode body =
        MAPPER
            .createObjectNode()
            .put("access_token", issued.accessToken())
            .put("token_type", "Bearer")
            .put("expires_in", OAuthGrants.ACCESS_LIFETIME.toSeconds())
            .put("refresh_token", issued.refreshToken())
            .put("scope", String.join(" ", grant.scopes()))
            .put("userType", grant.userType())
            .put("companyId", grant.companyId())
            .put("userId", grant.userId())
            .put("isBulkInstallation", false);
    if (grant.company()) {
      // A company install covers every location of the company.
      ArrayNode approved = body.putArray("approvedLocations");
      emulator.locations().forEach(approved::add);
      body.put("installToFutureLocations", false).put("approveAllLocations", false);
    } else {
      body.put("locationId", grant.accountId());
    }
    return json(200, body);
  }

  private boolean secretMatches(String presented) {
    return MessageDigest.isEqual(
        emulator.clientSecret().reveal().getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  static EmulatorResponse unauthorized(String message) {
    ObjectNode body =
        MAPPER
            .createObjectNode()
            .put("statusCode", 401)
            .put("message", message)
            .put("error", "Unauthorized");
    return json(401, body);
  }

  private static EmulatorResponse error(int status, String error, String description) {
    return json(
        status,
        MAPPER.createObjectNode().put("error", error).put("error_description", description));
  }

  private static EmulatorResponse json(int status, ObjectNode body) {
    try {
      return EmulatorResponse.json(status, MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
