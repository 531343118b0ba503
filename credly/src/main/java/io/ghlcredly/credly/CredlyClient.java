package io.ghlcredly.credly;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.SecretStore;
import io.ghlcredly.credly.api.BadgeTemplateDto;
import io.ghlcredly.credly.api.BadgeTemplatePage;
import io.ghlcredly.credly.api.BadgeTemplateResponse;
import io.ghlcredly.credly.api.EventDto;
import io.ghlcredly.credly.api.EventPage;
import io.ghlcredly.credly.api.EventResponse;
import io.ghlcredly.credly.api.HighVolumeBadgeDto;
import io.ghlcredly.credly.api.HighVolumeBadgePage;
import io.ghlcredly.credly.api.IssueBadgeRequest;
import io.ghlcredly.credly.api.IssuedBadgeDto;
import io.ghlcredly.credly.api.IssuedBadgePage;
import io.ghlcredly.credly.api.IssuedBadgeResponse;
import io.ghlcredly.credly.api.OrganizationDto;
import io.ghlcredly.credly.api.OrganizationPage;
import io.ghlcredly.credly.api.OrganizationResponse;
import io.ghlcredly.credly.api.ReplaceBadgeRequest;
import io.ghlcredly.credly.api.RevokeBadgeRequest;
import io.ghlcredly.http.ApiRequest;
import io.ghlcredly.http.HttpObserver;
import io.ghlcredly.http.HttpTransport;
import io.ghlcredly.http.JsonCodec;
import io.ghlcredly.http.RequestGate;
import io.ghlcredly.http.TransportSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Credly's issuer API for one organization, one method per endpoint (credly.md §3-§7). Failures
 * surface as {@link io.ghlcredly.core.error.ApiException} with Credly's message (422 is PERMANENT;
 * the gateway decides what a 422 on issue means). Calls share an adaptive concurrency limit that
 * backs off on 429. Thread-safe.
 */
public final class CredlyClient {
  /** Guards against a server that keeps sending a next page. */
  static final int MAX_PAGES = CredlyCalls.MAX_PAGES;

  private final CredlyCalls calls;
  private final String organizationPath;
  private final CredlyWorkforceClient workforce;

  CredlyClient(CredlyCalls calls, String organizationId) {
    this.calls = calls;
    this.organizationPath = "/organizations/" + segment(organizationId);
    this.workforce = new CredlyWorkforceClient(calls, organizationPath);
  }

  /** A client with its own transport, no secret store, on the system clock. */
  public static CredlyClient create(CredlySettings settings) {
    return create(settings, null, InstantSource.system());
  }

  /**
   * A client with its own transport.
   *
   * @param secrets where the organization token and OAuth access tokens are kept encrypted; null to
   *     keep them in memory only
   */
  public static CredlyClient create(
      CredlySettings settings, @Nullable SecretStore secrets, InstantSource clock) {
    return create(settings, secrets, clock, HttpObserver.NONE);
  }

  /** As above, telling {@code observer} about every call (for metrics). */
  public static CredlyClient create(
      CredlySettings settings,
      @Nullable SecretStore secrets,
      InstantSource clock,
      HttpObserver observer) {
    JsonCodec codec = new JsonCodec();
    CredlyAuth auth = CredlyAuth.create(settings.credentials(), secrets, clock, settings.timeout());
    HttpTransport transport =
        new HttpTransport(
            HttpTransport.defaultClient(settings.timeout()),
            new TransportSettings("credly", settings.baseUrl(), settings.timeout(), Map.of()),
            auth,
            new CredlyErrorMessageReader(codec),
            RequestGate.OPEN,
            observer);
    AdaptiveConcurrency concurrency =
        new AdaptiveConcurrency(
            settings.maxConcurrency(), settings.timeout(), settings.timeout().multipliedBy(2));
    // Its own AIMD limit: Credly's 429s shrink it too; its callers never wait for a slot.
    AdaptiveConcurrency hintLane =
        new AdaptiveConcurrency(settings.hintLaneSlots(), settings.timeout(), Duration.ZERO);
    CredlyTokenHealth health = new CredlyTokenHealth(settings.credentials().expiresAt(), clock);
    return new CredlyClient(
        new CredlyCalls(transport, codec, auth, concurrency, hintLane, health),
        settings.organizationId());
  }

  /** The Authorization value Credly expects: the token as Basic user name, empty password. */
  static String basicAuthorization(Secret token) {
    return CredlyAuth.basic(token);
  }

  /** The adaptive limit on concurrent calls, for metrics. */
  public AdaptiveConcurrency concurrency() {
    return calls.concurrency();
  }

  /** The lane for webhook hints ({@link #eventInHintLane}), apart from {@link #concurrency()}. */
  public AdaptiveConcurrency hintLane() {
    return calls.hintLane();
  }

  /** The credential's expiry watch, for health output and metrics. */
  public CredlyTokenHealth tokenHealth() {
    return calls.tokenHealth();
  }

  /** Workforce employee records of the organization. */
  public CredlyWorkforceClient workforce() {
    return workforce;
  }

  // --- organizations -------------------------------------------------------------------------

  /** {@code GET /organizations/{org}}. */
  public OrganizationDto organization() {
    return calls.read(ApiRequest.get(organizationPath), OrganizationResponse.class).data();
  }

  /** {@code GET /organizations}: every organization the credentials can act for. */
  public List<OrganizationDto> organizations() {
    return calls.all("/organizations", "", OrganizationPage.class);
  }

  // --- badge templates -----------------------------------------------------------------------

  /** {@code GET .../badge_templates} with filter (state, query, name, ...), sort and page. */
  public Page<BadgeTemplateDto> listBadgeTemplates(ListQuery query) {
    return calls.page(
        organizationPath + "/badge_templates", query.toQueryString(), BadgeTemplatePage.class);
  }

  /** Every matching template, from the query's page on. */
  public List<BadgeTemplateDto> listAllBadgeTemplates(ListQuery query) {
    return calls.all(
        organizationPath + "/badge_templates", query.toQueryString(), BadgeTemplatePage.class);
  }

  /** {@code GET .../badge_templates/{id}}. */
  public BadgeTemplateDto badgeTemplate(String templateId) {
    return calls
        .read(
            ApiRequest.get(organizationPath + "/badge_templates/" + segment(templateId)),
            BadgeTemplateResponse.class)
        .data();
  }

  // --- issued badges ---------------------------------------------------------------------------

  /**
   * {@code POST .../badges}. Never retried here: after a timeout or 5xx the badge may exist, so
   * callers look it up before trying again.
   */
  public IssuedBadgeDto issueBadge(IssueBadgeRequest request) {
    String body = calls.codec().write(request);
    return calls
        .read(ApiRequest.post(organizationPath + "/badges", body), IssuedBadgeResponse.class)
        .data();
  }

  /** {@code GET .../badges} with filter, sort and page. */
  public Page<IssuedBadgeDto> listBadgesPage(ListQuery query) {
    return calls.page(organizationPath + "/badges", query.toQueryString(), IssuedBadgePage.class);
  }

  /** Every badge matching the query, following {@code next_page_url}. */
  public List<IssuedBadgeDto> listAllBadges(ListQuery query) {
    return calls.all(organizationPath + "/badges", query.toQueryString(), IssuedBadgePage.class);
  }

  /** All badges matching {@code filter} ({@code key -> value}, all terms must match). */
  public List<IssuedBadgeDto> listBadges(Map<String, String> filter) {
    return listAllBadges(ListQuery.filtered(filter));
  }

  /**
   * {@code GET .../badges?filter=issuer_earner_id::X|badge_template_id::Y}, every page. Revoked
   * badges are included.
   */
  public List<IssuedBadgeDto> findBadges(String issuerEarnerId, String badgeTemplateId) {
    Map<String, String> filter = new LinkedHashMap<>();
    filter.put("issuer_earner_id", issuerEarnerId);
    filter.put("badge_template_id", badgeTemplateId);
    return listBadges(filter);
  }

  /**
   * {@code GET .../high_volume_issued_badge_search}: slim records, cursor paging through {@code
   * next_page_url}; for reconciliation.
   */
  public List<HighVolumeBadgeDto> searchBadges(HighVolumeSearch search) {
    return calls.all(
        organizationPath + "/high_volume_issued_badge_search",
        search.toQueryString(),
        HighVolumeBadgePage.class);
  }

  /** {@code GET .../badges/{id}}. */
  public IssuedBadgeDto badge(String badgeId) {
    return calls.read(ApiRequest.get(badgePath(badgeId)), IssuedBadgeResponse.class).data();
  }

  /** {@code PUT .../badges/{id}/revoke}: the badge, now revoked. */
  public IssuedBadgeDto revokeBadge(String badgeId, RevokeBadgeRequest request) {
    return calls
        .read(
            ApiRequest.put(badgePath(badgeId) + "/revoke", calls.codec().write(request)),
            IssuedBadgeResponse.class)
        .data();
  }

  /** {@code POST .../badges/{id}/replace}: the new badge that replaces the old one. */
  public IssuedBadgeDto replaceBadge(String badgeId, ReplaceBadgeRequest request) {
    return calls
        .read(
            ApiRequest.post(badgePath(badgeId) + "/replace", calls.codec().write(request)),
            IssuedBadgeResponse.class)
        .data();
  }

  /** {@code DELETE .../badges/{id}}. Prefer revoking, which keeps the earner's record. */
  public void deleteBadge(String badgeId) {
    calls.send(ApiRequest.delete(badgePath(badgeId), null));
  }

  // --- events ----------------------------------------------------------------------------------

  /** {@code GET .../events/{id}}: the event a webhook announced, with its badge or template. */
  public EventDto event(String eventId) {
    return calls
        .read(ApiRequest.get(organizationPath + "/events/" + segment(eventId)), EventResponse.class)
        .data();
  }

  /**
   * {@code GET .../events/{id}} for an unauthenticated webhook, in the hint lane ({@link
   * CredlySettings#HINT_LANE_SLOTS} slots of its own): issuance and every other call never wait
   * behind these fetches, however many arrive. Empty, without a call, when the lane is full: the
   * sender should be told to deliver again later.
   */
  public Optional<EventDto> eventInHintLane(String eventId) {
    return calls
        .readInHintLane(
            ApiRequest.get(organizationPath + "/events/" + segment(eventId)), EventResponse.class)
        .map(EventResponse::data);
  }

  /** {@code GET .../events?page=n}: the organization's event feed, a polling fallback. */
  public Page<EventDto> listEvents(int page) {
    return calls.page(
        organizationPath + "/events", page > 1 ? "page=" + page : "", EventPage.class);
  }

  // --- raw access for the catalog ------------------------------------------------------------

  /**
   * Sends a call below the organization ({@code relativePath} such as {@code /badges?page=2}) and
   * returns Credly's JSON as is; for operators calling operations by name.
   */
  String call(String method, String relativePath, @Nullable String jsonBody) {
    return calls.send(new ApiRequest(method, organizationPath + relativePath, Map.of(), jsonBody));
  }

  private String badgePath(String badgeId) {
    return organizationPath + "/badges/" + segment(badgeId);
  }

  static String segment(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("a Credly id must not be blank");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
