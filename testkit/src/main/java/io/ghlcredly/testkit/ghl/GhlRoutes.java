package io.ghlcredly.testkit.ghl;

import io.ghlcredly.testkit.ghl.oauth.GhlOAuthEmulator;
import io.ghlcredly.testkit.ghl.oauth.OAuthAccess;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.EmulatorServer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The 32 operations of apps/contacts.json, registered by group (contacts, lists and search, tasks,
 * notes, tags, the rest), plus get-location, the location's tags, custom fields, workflows,
 * campaigns and users, and the installed locations, behind the checks HighLevel makes on every
 * call, in its order: {@code Version} header (401 when missing, 400 when unknown), bearer token
 * (401, also for a token of the wrong class or without the route's scope), rate limit of the
 * caller's location or company (429; the {@code X-RateLimit-*} headers go on every authenticated
 * answer), a contact of another location (403), then the endpoint's own validation (422 for unknown
 * or missing properties). Thread-safe (stateless apart from the thread-safe parts it is given).
 */
final class GhlRoutes {
  static final Set<String> KNOWN_VERSIONS = Set.of("2021-07-28", "2021-04-15", "2023-02-21", "v3");

  /** HighLevel's answer to a token of the wrong class (company vs location), observed. */
  static final String WRONG_AUTH_CLASS =
      "This authClass type is not allowed to access this scope. Please verify your IAM"
          + " configuration if this is not the case.";

  /**
   * Registers one guarded contacts route; what the route groups see of the server. The handler gets
   * the location the call is served in (the token's).
   */
  @FunctionalInterface
  interface Registrar {
    void located(
        String method, String path, BiFunction<EmulatorRequest, String, EmulatorResponse> handler);

    /** A route whose handler does not need the caller's location. */
    default void route(
        String method, String path, Function<EmulatorRequest, EmulatorResponse> handler) {
      located(method, path, (request, location) -> handler.apply(request));
    }
  }

  /** Which class of token a route serves (the spec's Location-Access and Agency-Access). */
  enum Audience {
    LOCATION,
    LOCATION_OR_AGENCY,
    AGENCY
  }

  private final GhlContactStore store;
  private final GhlContactExtras extras;
  private final GhlRateLimiter limiter;
  private final GhlWebhookSender webhooks;
  private final EmulatedLocations locations;
  private final EmulatedLocationCatalog catalog;
  private final List<GhlExchange> exchanges = new CopyOnWriteArrayList<>();
  private final GhlOAuthEmulator oauth;

  GhlRoutes(
      GhlContactStore store,
      GhlContactExtras extras,
      GhlRateLimiter limiter,
      GhlWebhookSender webhooks,
      EmulatedLocations locations,
      EmulatedLocationCatalog catalog,
      GhlOAuthEmulator oauth) {
    this.store = store;
    this.extras = extras;
    this.limiter = limiter;
    this.webhooks = webhooks;
    this.locations = locations;
    this.catalog = catalog;
    this.oauth = oauth;
  }

  void register(EmulatorServer server) {
    Registrar registrar =
        (method, path, handler) ->
            server.route(
                method,
                path,
                guarded(
                    Audience.LOCATION,
                    null,
                    (request, caller) ->
                        otherLocation(request, caller)
                            .orElseGet(() -> handler.apply(request, caller.accountId()))));
    // Fixed paths before patterns: /contacts/search/duplicate, /contacts/{id}/campaigns/removeAll.
    new GhlContactListRoutes(store).register(registrar);
    new GhlContactRoutes(store, extras, webhooks).register(registrar);
    new GhlTaskRoutes(store, extras, webhooks).register(registrar);
    new GhlNoteRoutes(store, extras, webhooks).register(registrar);
    new GhlTagRoutes(store, webhooks).register(registrar);
    new GhlMiscRoutes(store, extras).register(registrar);
    GhlLocationRoutes locationRoutes = new GhlLocationRoutes(locations, oauth);
    // Scopes as locations.json and oauth.json name them (DOCS:Scopes).
    server.route(
        "GET",
        "/locations/{locationId}",
        guarded(Audience.LOCATION_OR_AGENCY, "locations.readonly", locationRoutes::location));
    GhlLocationCatalogRoutes catalogRoutes = new GhlLocationCatalogRoutes(store, catalog);
    server.route(
        "GET",
        "/locations/{locationId}/tags",
        guarded(Audience.LOCATION, "locations/tags.readonly", catalogRoutes::tags));
    server.route(
        "GET",
        "/locations/{locationId}/customFields",
        guarded(Audience.LOCATION, "locations/customFields.readonly", catalogRoutes::customFields));
    server.route(
        "GET",
        "/workflows/",
        guarded(Audience.LOCATION, "workflows.readonly", catalogRoutes::workflows));
    server.route(
        "GET",
        "/campaigns/",
        guarded(Audience.LOCATION, "campaigns.readonly", catalogRoutes::campaigns));
    server.route(
        "GET", "/users/", guarded(Audience.LOCATION, "users.readonly", catalogRoutes::users));
    server.route(
        "GET",
        "/oauth/installedLocations",
        guarded(Audience.AGENCY, "oauth.readonly", locationRoutes::installedLocations));
  }

  private Function<EmulatorRequest, EmulatorResponse> guarded(
      Audience audience,
      @Nullable String scope,
      BiFunction<EmulatorRequest, GhlCaller, EmulatorResponse> handler) {
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
      Optional<GhlCaller> found = caller(authorization);
      if (found.isEmpty()) {
        return GhlResponses.unauthorized(
            oauth.rejection(authorization).orElse("Invalid token: access token is invalid"));
      }
      GhlCaller caller = found.get();
      Optional<String> refused = refusal(audience, scope, caller);
      if (refused.isPresent()) {
        return GhlResponses.unauthorized(refused.get());
      }
      // Budgets are per location (or company for agency tokens), as HighLevel counts them.
      GhlRateLimiter.Decision decision = limiter.acquire(caller.accountId());
      EmulatorResponse response =
          decision.allowed()
              ? handler.apply(request, caller)
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

  /** The location's Private Integration Token, or a valid OAuth access token. */
  private Optional<GhlCaller> caller(String authorization) {
    Optional<String> location = locations.ofPrivateToken(authorization);
    if (location.isPresent()) {
      return location.map(GhlCaller::privateToken);
    }
    return oauth
        .access(authorization)
        .map(GhlRoutes::caller)
        .filter(caller -> caller.company() || locations.contains(caller.accountId()));
  }

  private static GhlCaller caller(OAuthAccess access) {
    return new GhlCaller(access.accountId(), access.company(), false, access.scopes());
  }

  private static Optional<String> refusal(
      Audience audience, @Nullable String scope, GhlCaller caller) {
    boolean classAllowed =
        switch (audience) {
          case LOCATION -> !caller.company();
          case AGENCY -> caller.company();
          case LOCATION_OR_AGENCY -> true;
        };
    if (!classAllowed) {
      return Optional.of(WRONG_AUTH_CLASS);
    }
    if (scope != null && !caller.allows(scope)) {
      return Optional.of("The token is not authorized for this scope.");
    }
    return Optional.empty();
  }

  /**
   * 403 for a contact held by another location than the caller's. The specs and notes document no
   * answer for this case; HighLevel's observed message for "right token class, wrong location"
   * (ghl.md §5) is the closest, so the emulator gives that, in its usual error shape.
   */
  private Optional<EmulatorResponse> otherLocation(EmulatorRequest request, GhlCaller caller) {
    String contactId = request.pathParams().get("contactId");
    if (contactId == null) {
      return Optional.empty();
    }
    return store
        .locationOf(contactId)
        .filter(location -> !location.equals(caller.accountId()))
        .map(location -> GhlResponses.noAccessToLocation());
  }
}
