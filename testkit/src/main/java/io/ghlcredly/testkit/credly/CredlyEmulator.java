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
 * A Credly issuer API on loopback ({@code http://127.0.0.1:<port>/v1}) hosting one organization, or
 * several ({@link #addOrganization}) from the same host as Credly does, each with its own state
 * (see {@link CredlyOrganization}): badge templates (list with filter, sort and paging), issued
 * badges with Credly's validation, duplicate rule and states (pending, accepted, rejected, revoked;
 * replace and delete), the high-volume search, Workforce employees (403 unless {@link
 * #enableWorkforce}), organization events with thin webhooks retried until answered 200, the OAuth
 * token endpoint ({@code POST /oauth/token}) and expiring tokens; plus the earner's accept and
 * reject links ({@code GET /badges/{id}/accept}, no token). API routes need HTTP Basic with the
 * organization's {@link CredlyOrganization#authToken()} as user name, or a Bearer token from the
 * token endpoint; another organization's credentials get 403. Faults, latency and the request log
 * are the server's, shared by all organizations.
 *
 * <p>The per-organization methods here ({@link #authToken()}, {@link #seedTemplate(String)}, ...)
 * act on the {@linkplain #firstOrganization() first organization}, the one it started with.
 *
 * <p>Thread-safe. Close it to free the port.
 */
public final class CredlyEmulator implements AutoCloseable {
  private static final String FIRST_NAME = "Emulated Organization";

  private final EmulatorServer server;
  private final InstantSource clock;
  private final CredlyOrganizations organizations = new CredlyOrganizations();
  private final OrganizationRouter router;
  private final CredlyOrganization first;

  private CredlyEmulator(
      EmulatorServer server, InstantSource clock, String organizationId, Secret authToken) {
    this.server = server;
    this.clock = clock;
    this.router = new OrganizationRouter(server, organizations);
    new DirectoryRoutes(organizations, clock).register(server);
    server.track(organizations);
    this.first = addOrganization(organizationId, FIRST_NAME, authToken);
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

  /**
   * Adds an organization with a random id and token, served from this emulator's host alongside the
   * others.
   */
  public CredlyOrganization addOrganization(String name) {
    return addOrganization(
        UUID.randomUUID().toString(), name, Secret.of("emulator-" + UUID.randomUUID()));
  }

  /**
   * Adds an organization with fixed coordinates, for a configuration that must not change between
   * runs.
   *
   * @throws IllegalArgumentException when the emulator already hosts that organization id
   */
  public CredlyOrganization addOrganization(String organizationId, String name, Secret authToken) {
    Objects.requireNonNull(organizationId, "organizationId");
    CredlyOrganization organization =
        new CredlyOrganization(
            organizationId, name, authToken, clock, server.baseUrl(), server::requests);
    organizations.add(organization);
    router.add(organization);
    return organization;
  }

  /** The organization the emulator started with, which the per-organization methods here use. */
  public CredlyOrganization firstOrganization() {
    return first;
  }

  /** The hosted organization with that id, if any. */
  public Optional<CredlyOrganization> organization(String organizationId) {
    return organizations.find(organizationId);
  }

  /** Every hosted organization, the first one first, then in the order they were added. */
  public List<CredlyOrganization> organizations() {
    return organizations.all();
  }

  /** The first organization's id. */
  public String organizationId() {
    return first.organizationId();
  }

  /** The first organization's authorization token, the HTTP Basic user name. */
  public Secret authToken() {
    return first.authToken();
  }

  /** From this instant on the first organization's token is refused with 401 (null: never). */
  public void expireOrganizationTokenAt(@Nullable Instant expiresAt) {
    first.expireOrganizationTokenAt(expiresAt);
  }

  /** Replaces the first organization's token, as rotating it in Credly's UI does. */
  public void rotateOrganizationToken(Secret token) {
    first.rotateOrganizationToken(token);
  }

  /** The OAuth token endpoint, on the web host as in production. */
  public URI oauthTokenUrl() {
    String api = server.baseUrl().toString();
    return URI.create(api.substring(0, api.length() - "/v1".length()) + "/oauth/token");
  }

  /** Lets an OAuth application of the first organization get access tokens. */
  public void registerOAuthClient(String clientId, Secret clientSecret) {
    first.registerOAuthClient(clientId, clientSecret);
  }

  /** The lifetime of the first organization's access tokens issued from now on (Credly: 2 h). */
  public void accessTokenLifetime(Duration lifetime) {
    first.accessTokenLifetime(lifetime);
  }

  /** Expires every access token issued to the first organization's clients so far. */
  public void expireAccessTokens() {
    first.expireAccessTokens();
  }

  /** How many access tokens the token endpoint issued to the first organization's clients. */
  public int oauthTokensIssued() {
    return first.oauthTokensIssued();
  }

  /** Gives the first organization Credly Workforce (employee records) or takes it away. */
  public void enableWorkforce(boolean enabled) {
    first.enableWorkforce(enabled);
  }

  /** The first organization's Workforce employees. */
  public List<Employee> employees() {
    return first.employees();
  }

  /** Every event of the first organization, oldest first. */
  public List<CredlyEvent> events() {
    return first.events();
  }

  /** Posts the first organization's webhooks there from now on (null stops). */
  public void sendWebhooksTo(@Nullable URI url) {
    first.sendWebhooksTo(url);
  }

  /** Retry schedule: first retry after {@code firstRetry}, doubling, {@code attempts} in all. */
  public void webhookRetries(Duration firstRetry, int attempts) {
    first.webhookRetries(firstRetry, attempts);
  }

  /** Every webhook POST of the first organization so far, with the receiver's status. */
  public List<CredlyWebhookDelivery> webhookDeliveries() {
    return first.webhookDeliveries();
  }

  /** Adds an active template with a random id that refuses duplicates. */
  public BadgeTemplate seedTemplate(String name) {
    return first.seedTemplate(name);
  }

  /** Adds (or replaces) an active template. */
  public BadgeTemplate seedTemplate(String id, String name, boolean allowDuplicates) {
    return first.seedTemplate(id, name, allowDuplicates);
  }

  /** Archives a template: issuing it then answers 422 like an unknown template. */
  public BadgeTemplate archiveTemplate(String templateId) {
    return first.archiveTemplate(templateId);
  }

  /** The first organization's badge templates. */
  public List<BadgeTemplate> templates() {
    return first.templates();
  }

  /** All badges the first organization issued (any state), oldest first. */
  public List<Badge> badges() {
    return first.badges();
  }

  /** The first organization's badge with that id, if any. */
  public Optional<Badge> badge(String badgeId) {
    return first.badge(badgeId);
  }

  /** How many badges (any state, revoked included) the template has for the issuer_earner_id. */
  public long countBadges(String templateId, @Nullable String issuerEarnerId) {
    return first.countBadges(templateId, issuerEarnerId);
  }

  /** Marks a badge accepted, as the earner would by following the accept link. */
  public Optional<Badge> acceptBadge(String badgeId) {
    return first.acceptBadge(badgeId);
  }

  /** Marks a badge rejected, as the earner would. */
  public Optional<Badge> rejectBadge(String badgeId) {
    return first.rejectBadge(badgeId);
  }

  /** Deletes a badge as the issuer would in Credly's UI. */
  public Optional<Badge> deleteBadge(String badgeId) {
    return first.deleteBadge(badgeId);
  }

  /** Revokes a badge as the issuer would in Credly's UI. */
  public Optional<Badge> revokeBadge(String badgeId, String reason) {
    return first.revokeBadge(badgeId, reason);
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
    organizations.close();
    server.close();
  }
}
