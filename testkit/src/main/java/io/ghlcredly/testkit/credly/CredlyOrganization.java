package io.ghlcredly.testkit.credly;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.server.EmulatorRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One organization of a {@link CredlyEmulator}, with everything Credly keeps per organization: its
 * token and OAuth clients, badge templates, issued badges, Workforce employees, events and webhook
 * target. Its API lives under {@code /v1/organizations/{organizationId()}} on the emulator's host;
 * only its own credentials may call it.
 *
 * <p>Thread-safe. Closed with its emulator.
 */
public final class CredlyOrganization {
  private final String organizationId;
  private final String name;
  private final CredlyAccess access;
  private final CredlyState state;
  private final EmployeeStore employees;
  private final CredlyWebhookSender webhooks;
  private final CredlyJson json;
  private final CredlyRoutes routes;
  private final RouteTable table = new RouteTable();
  private final InFlightGauge inFlight = new InFlightGauge();
  private final Supplier<List<EmulatorRequest>> allRequests;

  CredlyOrganization(
      String organizationId,
      String name,
      Secret authToken,
      InstantSource clock,
      URI apiBase,
      Supplier<List<EmulatorRequest>> allRequests) {
    this.organizationId = organizationId;
    this.name = name;
    this.allRequests = allRequests;
    String api = apiBase.toString();
    URI webBase = URI.create(api.substring(0, api.length() - "/v1".length()));
    this.json = new CredlyJson(apiBase, webBase, organizationId, name);
    this.webhooks = new CredlyWebhookSender(organizationId, json);
    this.state = new CredlyState(clock, webhooks::publish);
    this.access = new CredlyAccess(clock, authToken);
    this.employees = new EmployeeStore(clock);
    RouteGuard guard = new RouteGuard(json);
    this.routes = new CredlyRoutes(state, guard, employees, api, organizationId);
    routes.register(table);
    new WorkforceRoutes(employees, guard, api, organizationId).register(table);
    new EventRoutes(state, guard, badge -> routes.render(badge, false), api, organizationId)
        .register(table);
  }

  /** The organization's id (a UUID unless the emulator was started with a fixed one). */
  public String organizationId() {
    return organizationId;
  }

  /** The organization's name, as {@code GET /organizations/{id}} shows it. */
  public String name() {
    return name;
  }

  /** The organization's authorization token, the HTTP Basic user name. */
  public Secret authToken() {
    return access.organizationToken();
  }

  /** From this instant on the organization token is refused with 401 (null: never). */
  public void expireOrganizationTokenAt(@Nullable Instant expiresAt) {
    access.expireOrganizationTokenAt(expiresAt);
  }

  /** Replaces the organization token, as rotating it in Credly's UI does. */
  public void rotateOrganizationToken(Secret token) {
    access.rotateOrganizationToken(token, null);
  }

  /** Lets an OAuth application of this organization get access tokens with these credentials. */
  public void registerOAuthClient(String clientId, Secret clientSecret) {
    access.registerClient(clientId, clientSecret);
  }

  /** The lifetime of access tokens issued to this organization's clients from now on. */
  public void accessTokenLifetime(Duration lifetime) {
    access.accessTokenLifetime(lifetime);
  }

  /** Expires every access token issued to this organization's clients so far. */
  public void expireAccessTokens() {
    access.expireAccessTokens();
  }

  /** How many access tokens the token endpoint issued to this organization's clients. */
  public int oauthTokensIssued() {
    return access.tokensIssued();
  }

  /** Gives the organization Credly Workforce (employee records) or takes it away. */
  public void enableWorkforce(boolean enabled) {
    employees.enabled(enabled);
  }

  /** The organization's Workforce employees, oldest first. */
  public List<Employee> employees() {
    return employees.all();
  }

  /** Every event of this organization, oldest first. */
  public List<CredlyEvent> events() {
    return state.events();
  }

  /** Posts a thin webhook for every event from now on (null stops); non-200 answers are retried. */
  public void sendWebhooksTo(@Nullable URI url) {
    webhooks.target(url);
  }

  /** Retry schedule: first retry after {@code firstRetry}, doubling, {@code attempts} in all. */
  public void webhookRetries(Duration firstRetry, int attempts) {
    webhooks.retries(firstRetry, attempts);
  }

  /** Every webhook POST of this organization so far, with the receiver's status. */
  public List<CredlyWebhookDelivery> webhookDeliveries() {
    return webhooks.deliveries();
  }

  /** Adds an active template with a random id that refuses duplicates. */
  public BadgeTemplate seedTemplate(String templateName) {
    return seedTemplate(UUID.randomUUID().toString(), templateName, false);
  }

  /** Adds (or replaces) an active template. */
  public BadgeTemplate seedTemplate(String id, String templateName, boolean allowDuplicates) {
    return state.addTemplate(id, templateName, allowDuplicates);
  }

  /** Archives a template: issuing it then answers 422 like an unknown template. */
  public BadgeTemplate archiveTemplate(String templateId) {
    return state.setTemplateState(templateId, BadgeTemplate.ARCHIVED);
  }

  /** The organization's badge templates, in the order they were added. */
  public List<BadgeTemplate> templates() {
    return state.templates();
  }

  /** All badges this organization issued (any state), oldest first. */
  public List<Badge> badges() {
    return state.badges();
  }

  /** The badge of this organization with that id, if any. */
  public Optional<Badge> badge(String badgeId) {
    return state.badge(badgeId);
  }

  /** How many badges (any state, revoked included) the template has for the issuer_earner_id. */
  public long countBadges(String templateId, @Nullable String issuerEarnerId) {
    return state.count(templateId, issuerEarnerId);
  }

  /** Marks a badge accepted, as the earner would by following the accept link. */
  public Optional<Badge> acceptBadge(String badgeId) {
    return state.changeState(badgeId, Badge.ACCEPTED);
  }

  /** Marks a badge rejected, as the earner would. */
  public Optional<Badge> rejectBadge(String badgeId) {
    return state.changeState(badgeId, Badge.REJECTED);
  }

  /** Deletes a badge as the issuer would in Credly's UI. */
  public Optional<Badge> deleteBadge(String badgeId) {
    return state.delete(badgeId);
  }

  /** Revokes a badge as the issuer would in Credly's UI. */
  public Optional<Badge> revokeBadge(String badgeId, String reason) {
    return switch (state.revoke(badgeId, reason)) {
      case CredlyState.RevokeOutcome.Revoked revoked -> Optional.of(revoked.badge());
      case CredlyState.RevokeOutcome.NotFound notFound -> Optional.empty();
      case CredlyState.RevokeOutcome.AlreadyRevoked already -> state.badge(badgeId);
    };
  }

  /**
   * The requests to this organization's routes ({@code /organizations/{id}} and below), in arrival
   * order, whoever sent them.
   */
  public List<EmulatorRequest> requests() {
    return allRequests.get().stream().filter(request -> addresses(request.path())).toList();
  }

  /**
   * The most calls to this organization's routes that were in flight at once since it was added or
   * {@linkplain #resetMaxInFlight() reset}, latency and fault delays included: a call counts from
   * its arrival until just before its answer leaves.
   */
  public int maxInFlight() {
    return inFlight.max();
  }

  /** Starts {@link #maxInFlight()} again from the calls in flight now. */
  public void resetMaxInFlight() {
    inFlight.reset();
  }

  /** Whether the path (relative to {@code /v1}) is one of this organization's routes. */
  boolean addresses(String path) {
    String own = "/organizations/" + organizationId;
    return path.equals(own) || path.startsWith(own + "/");
  }

  CredlyAccess access() {
    return access;
  }

  CredlyJson json() {
    return json;
  }

  CredlyRoutes routes() {
    return routes;
  }

  RouteTable table() {
    return table;
  }

  InFlightGauge inFlight() {
    return inFlight;
  }

  void close() {
    webhooks.close();
  }
}
