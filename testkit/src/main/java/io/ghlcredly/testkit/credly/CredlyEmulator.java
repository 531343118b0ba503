package io.ghlcredly.testkit.credly;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorServer;
import io.ghlcredly.testkit.server.Fault;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A Credly issuer API on loopback ({@code http://127.0.0.1:<port>/v1}) with one organization and
 * state: badge templates (list with filter, sort and paging), issued badges with Credly's
 * validation, duplicate rule and states (pending, accepted, rejected, revoked; replace and delete),
 * the high-volume search, Workforce employees (403 unless {@link #enableWorkforce}), organization
 * events with thin webhooks retried until answered 200, the OAuth token endpoint ({@code POST
 * /oauth/token}) and expiring tokens; plus the earner's accept and reject links ({@code GET
 * /badges/{id}/accept}, no token). API routes need HTTP Basic with {@link #authToken()} as user
 * name, or a Bearer token from the token endpoint. Faults can be injected on any route.
 *
 * <p>Thread-safe. Close it to free the port.
 */
public final class CredlyEmulator implements AutoCloseable {
  private final EmulatorServer server;
  private final CredlyState state;
  private final CredlyAccess access;
  private final EmployeeStore employees;
  private final CredlyWebhookSender webhooks;
  private final String organizationId;

  private CredlyEmulator(
      EmulatorServer server, InstantSource clock, String organizationId, Secret authToken) {
    this.server = server;
    this.organizationId = organizationId;
    URI apiBase = server.baseUrl();
    URI webBase = URI.create(apiBase.toString().substring(0, apiBase.toString().length() - 3));
    CredlyJson json = new CredlyJson(apiBase, webBase, organizationId);
    this.webhooks = new CredlyWebhookSender(organizationId, json);
    this.state = new CredlyState(clock, webhooks::publish);
    this.access = new CredlyAccess(clock, authToken);
    this.employees = new EmployeeStore(clock);
    RouteGuard guard = new RouteGuard(json, access, organizationId);
    CredlyRoutes routes =
        new CredlyRoutes(state, guard, employees, apiBase.toString(), organizationId);
    routes.register(server);
    new WorkforceRoutes(employees, guard, apiBase.toString(), organizationId).register(server);
    new EventRoutes(
            state,
            access,
            guard,
            badge -> routes.render(badge, false),
            clock,
            apiBase.toString(),
            organizationId)
        .register(server);
  }

  /** Starts on a free port with a random organization id and token. */
  public static CredlyEmulator start() {
    return start(0, UUID.randomUUID().toString(), Secret.of("emulator-" + UUID.randomUUID()));
  }

  /**
   * Starts on a free port like {@link #start()}, listening through a proxy so that {@link
   * Fault#reset} can reset connections (one more loopback hop per request).
   */
  public static CredlyEmulator startWithConnectionFaults() {
    return start(
        0,
        UUID.randomUUID().toString(),
        Secret.of("emulator-" + UUID.randomUUID()),
        InstantSource.system(),
        true);
  }

  /**
   * Starts with fixed coordinates, for a demo whose configuration must not change between runs.
   *
   * @param port 0 for a free port
   */
  public static CredlyEmulator start(int port, String organizationId, Secret authToken) {
    return start(port, organizationId, authToken, InstantSource.system());
  }

  /** As {@link #start(int, String, Secret)} with a clock for created and updated timestamps. */
  public static CredlyEmulator start(
      int port, String organizationId, Secret authToken, InstantSource clock) {
    return start(port, organizationId, authToken, clock, false);
  }

  private static CredlyEmulator start(
      int port,
      String organizationId,
      Secret authToken,
      InstantSource clock,
      boolean connectionFaults) {
    Objects.requireNonNull(organizationId, "organizationId");
    EmulatorServer server = new EmulatorServer(port, "/v1", connectionFaults);
    CredlyEmulator emulator = new CredlyEmulator(server, clock, organizationId, authToken);
    server.start();
    return emulator;
  }

  /** The API base URL, ending with {@code /v1}, to use as the client's base URL. */
  public URI baseUrl() {
    return server.baseUrl();
  }

  public String organizationId() {
    return organizationId;
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

  /** The OAuth token endpoint, on the web host as in production. */
  public URI oauthTokenUrl() {
    String api = server.baseUrl().toString();
    return URI.create(api.substring(0, api.length() - "/v1".length()) + "/oauth/token");
  }

  /** Lets an OAuth application get access tokens with these client credentials. */
  public void registerOAuthClient(String clientId, Secret clientSecret) {
    access.registerClient(clientId, clientSecret);
  }

  /** The lifetime of access tokens issued from now on (Credly's is two hours). */
  public void accessTokenLifetime(Duration lifetime) {
    access.accessTokenLifetime(lifetime);
  }

  /** Expires every access token issued so far. */
  public void expireAccessTokens() {
    access.expireAccessTokens();
  }

  /** How many access tokens the token endpoint issued. */
  public int oauthTokensIssued() {
    return access.tokensIssued();
  }

  /** Gives the organization Credly Workforce (employee records) or takes it away. */
  public void enableWorkforce(boolean enabled) {
    employees.enabled(enabled);
  }

  public List<Employee> employees() {
    return employees.all();
  }

  /** Every organization event, oldest first. */
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

  /** Every webhook POST so far, with the receiver's status. */
  public List<CredlyWebhookDelivery> webhookDeliveries() {
    return webhooks.deliveries();
  }

  /** Adds an active template with a random id that refuses duplicates. */
  public BadgeTemplate seedTemplate(String name) {
    return seedTemplate(UUID.randomUUID().toString(), name, false);
  }

  /** Adds (or replaces) an active template. */
  public BadgeTemplate seedTemplate(String id, String name, boolean allowDuplicates) {
    return state.addTemplate(id, name, allowDuplicates);
  }

  /** Archives a template: issuing it then answers 422 like an unknown template. */
  public BadgeTemplate archiveTemplate(String templateId) {
    return state.setTemplateState(templateId, BadgeTemplate.ARCHIVED);
  }

  public List<BadgeTemplate> templates() {
    return state.templates();
  }

  /** All issued badges (any state), oldest first. */
  public List<Badge> badges() {
    return state.badges();
  }

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
   * Injects a fault; paths are relative to {@code /v1}, for example {@code Fault.status("POST",
   * "/organizations/", 1, EmulatorResponse.json(500, "{}"))}.
   */
  public void inject(Fault fault) {
    server.inject(fault);
  }

  /** Every later answer waits {@code latency} first (see {@link EmulatorServer#latency}). */
  public void latency(Duration latency) {
    server.latency(latency);
  }

  public void clearFaults() {
    server.clearFaults();
  }

  /** How many requests each kind of injected fault hit so far (see {@link Fault#label()}). */
  public Map<String, Long> faultsInjected() {
    return server.faultsInjected();
  }

  /** Every request received, in arrival order (paths relative to {@code /v1}). */
  public List<EmulatorRequest> requests() {
    return server.requests();
  }

  @Override
  public void close() {
    webhooks.close();
    server.close();
  }
}
