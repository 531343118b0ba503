package io.ghlcredly.testkit.ghl;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.ghl.oauth.GhlOAuthEmulator;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.EmulatorServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The 32 operations of apps/contacts.json, registered by group (contacts, lists and search, tasks,
 * notes, tags, the rest), behind the checks HighLevel makes on every call, in its order: {@code
 * Version} header (401 when missing, 400 when unknown), bearer token (401), rate limit (429; the
 * {@code X-RateLimit-*} headers go on every authenticated answer), then the endpoint's own
 * validation (422 for unknown or missing properties). Thread-safe (stateless apart from the
 * thread-safe parts it is given).
 */
final class GhlRoutes {
  static final Set<String> KNOWN_VERSIONS = Set.of("2021-07-28", "2021-04-15", "2023-02-21", "v3");

  /** Registers one guarded route; what the route groups see of the server. */
  @FunctionalInterface
  interface Registrar {
    void route(String method, String path, Function<EmulatorRequest, EmulatorResponse> handler);
  }

  private final GhlContactStore store;
  private final GhlContactExtras extras;
  private final GhlRateLimiter limiter;
  private final GhlWebhookSender webhooks;
  private final Secret accessToken;
  private final String locationId;
  private final List<GhlExchange> exchanges = new CopyOnWriteArrayList<>();
  private final GhlOAuthEmulator oauth;

  GhlRoutes(
      GhlContactStore store,
      GhlContactExtras extras,
      GhlRateLimiter limiter,
      GhlWebhookSender webhooks,
      Secret accessToken,
      String locationId,
      GhlOAuthEmulator oauth) {
    this.store = store;
    this.extras = extras;
    this.limiter = limiter;
    this.webhooks = webhooks;
    this.accessToken = accessToken;
    this.locationId = locationId;
    this.oauth = oauth;
  }

  void register(EmulatorServer server) {
    Registrar registrar = (method, path, handler) -> server.route(method, path, guarded(handler));
    // Fixed paths before patterns: /contacts/search/duplicate, /contacts/{id}/campaigns/removeAll.
    new GhlContactListRoutes(store, locationId).register(registrar);
    new GhlContactRoutes(store, extras, webhooks, locationId).register(registrar);
    new GhlTaskRoutes(store, extras, webhooks, locationId).register(registrar);
    new GhlNoteRoutes(store, extras, webhooks, locationId).register(registrar);
    new GhlTagRoutes(store, webhooks, locationId).register(registrar);
    new GhlMiscRoutes(store, extras).register(registrar);
  }

  private Function<EmulatorRequest, EmulatorResponse> guarded(
      Function<EmulatorRequest, EmulatorResponse> handler) {
    return request -> {
      Optional<String> version = request.header("Version");
      if (version.isEmpty()) {
        return GhlResponses.unauthorized("version header was not found.");
      }
      if (!KNOWN_VERSIONS.contains(version.get())) {
        return GhlResponses.error(
            400, "Invalid API version segment '" + version.get() + "' at position 0");
      }
      String authorization = request.header("Authorization").orElse("");
      Optional<String> refused =
          authorized(authorization) ? Optional.empty() : oauth.rejection(authorization);
      if (refused.isPresent()) {
        return GhlResponses.unauthorized(refused.get());
      }
      GhlRateLimiter.Decision decision = limiter.acquire(locationId);
      EmulatorResponse response =
          decision.allowed()
              ? handler.apply(request)
              : GhlResponses.error(429, "Too many requests, please try again later.");
      EmulatorResponse answered = decision.addHeaders(response);
      exchanges.add(new GhlExchange(request, answered));
      return answered;
    };
  }

  /** Every call that reached a route, with its answer, in order. */
  List<GhlExchange> exchanges() {
    return List.copyOf(exchanges);
  }

  private boolean authorized(String authorization) {
    String expected = "Bearer " + accessToken.reveal();
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), authorization.getBytes(StandardCharsets.UTF_8));
  }
}
