package io.ghlcredly.testkit.credly;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorServer;
import io.ghlcredly.testkit.server.Fault;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A Credly issuer API on loopback ({@code http://127.0.0.1:<port>/v1}) with one organization,
 * seeded badge templates and issued badges. Implements what the sync uses: organization and
 * template reads, issuing with Credly's validation and duplicate rule, badge search with filters
 * and paging, single-badge reads and revocation; plus the earner's accept link ({@code GET
 * /badges/{id}/accept}, no token) for demos. Every API route needs HTTP Basic auth with {@link
 * #authToken()} as the user name.
 *
 * <p>Thread-safe. Close it to free the port.
 */
public final class CredlyEmulator implements AutoCloseable {
  private final EmulatorServer server;
  private final CredlyState state;
  private final String organizationId;
  private final Secret authToken;

  private CredlyEmulator(
      EmulatorServer server, InstantSource clock, String organizationId, Secret authToken) {
    this.server = server;
    this.state = new CredlyState(clock);
    this.organizationId = organizationId;
    this.authToken = authToken;
    URI apiBase = server.baseUrl();
    URI webBase = URI.create(apiBase.toString().substring(0, apiBase.toString().length() - 3));
    CredlyJson json = new CredlyJson(apiBase, webBase, organizationId);
    new CredlyRoutes(state, json, apiBase.toString(), organizationId, authToken).register(server);
  }

  /** Starts on a free port with a random organization id and token. */
  public static CredlyEmulator start() {
    return start(0, UUID.randomUUID().toString(), Secret.of("emulator-" + UUID.randomUUID()));
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
    Objects.requireNonNull(organizationId, "organizationId");
    EmulatorServer server = new EmulatorServer(port, "/v1");
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
    return authToken;
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

  public void clearFaults() {
    server.clearFaults();
  }

  /** Every request received, in arrival order (paths relative to {@code /v1}). */
  public List<EmulatorRequest> requests() {
    return server.requests();
  }

  @Override
  public void close() {
    server.close();
  }
}
