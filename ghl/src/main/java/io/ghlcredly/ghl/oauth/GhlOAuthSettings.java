package io.ghlcredly.ghl.oauth;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.TokenStore.AccountType;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * A HighLevel marketplace app and how to reach HighLevel's OAuth endpoints.
 *
 * @param baseUrl API base URL holding {@code /oauth/token} and {@code /oauth/locationToken}
 * @param authorizeUrl the choose-location (consent) page the install starts at
 * @param redirectUri our callback, as registered with the app ({@code …/oauth/ghl/callback})
 * @param scopes what the install asks for
 * @param userType the {@code user_type} asked for when exchanging a code; HighLevel may answer with
 *     the other type (an agency install of a sub-account app returns a company token)
 * @param locations the location ids to mint tokens for after a company install (empty: all the
 *     install approved)
 * @param apiVersion {@code Version} header for {@code /oauth/locationToken}
 */
public record GhlOAuthSettings(
    URI baseUrl,
    URI authorizeUrl,
    String clientId,
    Secret clientSecret,
    URI redirectUri,
    Set<String> scopes,
    AccountType userType,
    Set<String> locations,
    String apiVersion,
    Duration timeout) {
  public static final URI DEFAULT_AUTHORIZE_URL =
      URI.create("https://marketplace.gohighlevel.com/v2/oauth/chooselocation");
  public static final URI DEFAULT_BASE_URL = URI.create("https://services.leadconnectorhq.com");

  public GhlOAuthSettings {
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    scopes = Set.copyOf(scopes);
    locations = Set.copyOf(locations);
    String base = baseUrl.toString();
    if (base.endsWith("/")) {
      baseUrl = URI.create(base.substring(0, base.length() - 1));
    }
  }

  /** Production URLs, a Location install, API version 2021-07-28 and a 15 s timeout. */
  public static GhlOAuthSettings defaults(
      String clientId, Secret clientSecret, URI redirectUri, Set<String> scopes) {
    return new GhlOAuthSettings(
        DEFAULT_BASE_URL,
        DEFAULT_AUTHORIZE_URL,
        clientId,
        clientSecret,
        redirectUri,
        scopes,
        AccountType.LOCATION,
        Set.of(),
        "2021-07-28",
        Duration.ofSeconds(15));
  }

  /** A copy talking to another HighLevel (an emulator): API base and consent page. */
  public GhlOAuthSettings withUrls(URI otherBaseUrl, URI otherAuthorizeUrl) {
    return new GhlOAuthSettings(
        otherBaseUrl,
        otherAuthorizeUrl,
        clientId,
        clientSecret,
        redirectUri,
        scopes,
        userType,
        locations,
        apiVersion,
        timeout);
  }

  public GhlOAuthSettings withUserType(AccountType otherUserType) {
    return new GhlOAuthSettings(
        baseUrl,
        authorizeUrl,
        clientId,
        clientSecret,
        redirectUri,
        scopes,
        otherUserType,
        locations,
        apiVersion,
        timeout);
  }

  /** Without the client secret. */
  @Override
  public String toString() {
    return "GhlOAuthSettings[baseUrl="
        + baseUrl
        + ", clientId="
        + clientId
        + ", clientSecret=***, redirectUri="
        + redirectUri
        + ", scopes="
        + scopes
        + ", userType="
        + userType
        + "]";
  }
}
