package io.ghlcredly.credly;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.credly.api.IssueBadgeRequest;
import io.ghlcredly.credly.api.IssuedBadgeDto;
import io.ghlcredly.credly.api.IssuedBadgePage;
import io.ghlcredly.credly.api.IssuedBadgeResponse;
import io.ghlcredly.http.ApiRequest;
import io.ghlcredly.http.HttpTransport;
import io.ghlcredly.http.JsonCodec;
import io.ghlcredly.http.TransportSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credly's issuer API for one organization, one method per endpoint. Failures surface as {@link
 * io.ghlcredly.core.error.ApiException} from the transport (422 is PERMANENT with Credly's message;
 * the gateway decides what a 422 on issue means). Thread-safe.
 */
public final class CredlyClient {
  private static final Logger log = LoggerFactory.getLogger(CredlyClient.class);

  /** Guards against a server that keeps sending a next page. */
  static final int MAX_PAGES = 200;

  private final HttpTransport transport;
  private final JsonCodec codec;
  private final String organizationPath;

  public CredlyClient(HttpTransport transport, JsonCodec codec, String organizationId) {
    this.transport = transport;
    this.codec = codec;
    this.organizationPath = "/organizations/" + encodePathSegment(organizationId);
  }

  /** A client with its own transport: HTTP Basic with the token, Credly's error bodies. */
  public static CredlyClient create(CredlySettings settings) {
    JsonCodec codec = new JsonCodec();
    HttpTransport transport =
        new HttpTransport(
            HttpTransport.defaultClient(settings.timeout()),
            new TransportSettings("credly", settings.baseUrl(), settings.timeout(), Map.of()),
            () -> basicAuthorization(settings.authToken()),
            new CredlyErrorMessageReader(codec));
    return new CredlyClient(transport, codec, settings.organizationId());
  }

  /**
   * The Authorization value Credly expects: the token as Basic user name with an empty password.
   */
  static String basicAuthorization(Secret token) {
    byte[] credentials = (token.reveal() + ":").getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(credentials);
  }

  /**
   * {@code POST /organizations/{org}/badges}. Never retried here: after a timeout or 5xx the badge
   * may exist, so callers look it up before trying again.
   */
  public IssuedBadgeDto issueBadge(IssueBadgeRequest request) {
    String body = codec.write(request);
    String response = transport.send(ApiRequest.post(organizationPath + "/badges", body)).body();
    return codec.read(response, IssuedBadgeResponse.class).data();
  }

  /**
   * {@code GET /organizations/{org}/badges?filter=issuer_earner_id::X|badge_template_id::Y},
   * following {@code next_page_url} through every page. Revoked badges are included.
   */
  public List<IssuedBadgeDto> findBadges(String issuerEarnerId, String badgeTemplateId) {
    Map<String, String> filter = new LinkedHashMap<>();
    filter.put("issuer_earner_id", issuerEarnerId);
    filter.put("badge_template_id", badgeTemplateId);
    return listBadges(filter);
  }

  /** All badges matching {@code filter} ({@code key -> value}, all terms must match). */
  public List<IssuedBadgeDto> listBadges(Map<String, String> filter) {
    String badgesPath = organizationPath + "/badges";
    String query =
        "filter=" + URLEncoder.encode(BadgeFilters.format(filter), StandardCharsets.UTF_8);
    List<IssuedBadgeDto> badges = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      String response = transport.send(ApiRequest.get(badgesPath + "?" + query)).body();
      IssuedBadgePage result = codec.read(response, IssuedBadgePage.class);
      badges.addAll(result.data());
      String next = result.nextPageUrl();
      if (next == null || next.isBlank()) {
        return badges;
      }
      query = nextQuery(next, query);
    }
    log.atWarn()
        .addKeyValue("pages", MAX_PAGES)
        .log("Credly kept returning next_page_url; stopped paging");
    return badges;
  }

  /**
   * The query of {@code next_page_url}. Only its query is used, on our own base URL: Credly's
   * absolute URLs may name another host or path prefix than the configured one (credly.md §1).
   */
  private static String nextQuery(String nextPageUrl, String currentQuery) {
    @Nullable String query = URI.create(nextPageUrl).getRawQuery();
    if (query == null || query.isBlank() || query.equals(currentQuery)) {
      throw new IllegalStateException("Credly next_page_url does not advance: " + nextPageUrl);
    }
    return query;
  }

  private static String encodePathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
