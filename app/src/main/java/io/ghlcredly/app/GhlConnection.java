package io.ghlcredly.app;

import io.ghlcredly.app.config.GhlConfig;
import io.ghlcredly.app.config.ServerConfig;
import io.ghlcredly.app.web.oauth.GhlOAuthCallbackRoute;
import io.ghlcredly.core.error.ConfigException;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.ContactChangeFeed;
import io.ghlcredly.core.port.ContactDirectory;
import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.core.port.CrmWriter;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.ghl.GhlClient;
import io.ghlcredly.ghl.GhlContactChangeFeed;
import io.ghlcredly.ghl.GhlContactDirectory;
import io.ghlcredly.ghl.GhlCrmGateway;
import io.ghlcredly.ghl.GhlCrmWriter;
import io.ghlcredly.ghl.GhlLocations;
import io.ghlcredly.ghl.GhlSettings;
import io.ghlcredly.ghl.GrantedScopes;
import io.ghlcredly.ghl.oauth.GhlInstallFlow;
import io.ghlcredly.ghl.oauth.GhlOAuthClient;
import io.ghlcredly.ghl.oauth.GhlOAuthSettings;
import io.ghlcredly.ghl.oauth.GhlTokenProviders;
import io.ghlcredly.http.HttpObserver;
import io.ghlcredly.http.RatePriority;
import io.ghlcredly.http.oauth.RefreshingTokenProvider;
import io.ghlcredly.http.oauth.StaticTokenProvider;
import io.ghlcredly.http.oauth.TokenAuthenticator;
import io.ghlcredly.http.oauth.TokenProvider;
import io.ghlcredly.http.ratelimit.RateLimiter;
import io.ghlcredly.http.ratelimit.RateLimiterSettings;
import io.ghlcredly.http.ratelimit.RateWaitObserver;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.JdbcOAuthStateStore;
import io.ghlcredly.storage.PostgresRateBuckets;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The HighLevel side of a running service: how contacts are read (with a Private Integration Token,
 * or with OAuth tokens per location, refreshed ahead of expiry), how changed contacts are polled
 * and which locations are, and in OAuth mode the install flow. Every client shares one rate
 * limiter, so each location's budget is counted once (on PostgreSQL, once for all instances);
 * polling is bulk work, held to the configured share of it.
 *
 * @param writer writes back tags, notes and tasks with the account of the contact's location
 * @param directory pages through a location's contacts for a bulk import (bulk rate priority)
 * @param reconcileLocations the locations the reconciliation pass covers, asked before each pass
 * @param limiter the rate limiter every client shares, for operator views of each budget
 * @param locationNames reads a location's name from GHL with its own account (empty when GHL does
 *     not say; throws when it cannot be reached)
 */
record GhlConnection(
    CrmGateway crm,
    CrmWriter writer,
    ContactDirectory directory,
    ContactChangeFeed changes,
    Supplier<List<LocationId>> reconcileLocations,
    Optional<GhlInstallFlow> installFlow,
    RateLimiter limiter,
    Function<LocationId, Optional<String>> locationNames) {
  /**
   * The scopes the sync asks for at install: read contacts, write tags, notes and tasks; read the
   * location (its name, shown instead of its id); and, for an agency install, mint each location's
   * token from the agency's ({@code oauth.write}, without which a company install reaches no
   * location) and list the locations that installed the app ({@code oauth.readonly}).
   */
  static final Set<String> INSTALL_SCOPES =
      Set.of(
          "contacts.readonly",
          "contacts.write",
          "locations.readonly",
          "oauth.readonly",
          "oauth.write");

  static GhlConnection wire(
      GhlConfig ghl,
      ServerConfig server,
      Database database,
      TokenStore tokens,
      InstantSource clock) {
    return wire(ghl, server, database, tokens, clock, HttpObserver.NONE, RateWaitObserver.NONE);
  }

  /** As above, telling {@code calls} about every GHL call and {@code waits} about rate waits. */
  static GhlConnection wire(
      GhlConfig ghl,
      ServerConfig server,
      Database database,
      TokenStore tokens,
      InstantSource clock,
      HttpObserver calls,
      RateWaitObserver waits) {
    RateLimiter limiter = limiter(database, ghl.reconcile().budgetShare(), clock, waits);
    return switch (ghl.mode()) {
      case PRIVATE_TOKEN -> privateToken(ghl, limiter, calls);
      case OAUTH -> oauth(ghl, server, database, tokens, limiter, calls, clock);
    };
  }

  /**
   * The limiter every GHL client shares. On PostgreSQL, where several instances may run, each
   * location's budget lives in the database so that its limits hold for all instances together; on
   * the embedded database (one instance) it lives in memory.
   */
  static RateLimiter limiter(
      Database database, double bulkShare, InstantSource clock, RateWaitObserver waits) {
    RateLimiterSettings defaults = RateLimiterSettings.ghl();
    RateLimiterSettings settings =
        new RateLimiterSettings(defaults.limits(), bulkShare, defaults.maxWait());
    return switch (database.dialect()) {
      case POSTGRESQL ->
          RateLimiter.shared(settings, clock, waits, PostgresRateBuckets.in(database, "ghl"));
      case H2 -> new RateLimiter(settings, clock, waits);
    };
  }

  private static GhlConnection privateToken(
      GhlConfig ghl, RateLimiter limiter, HttpObserver calls) {
    Secret token = ghl.privateToken();
    String key = ghl.privateTokenLocation();
    if (token == null || key == null) {
      throw new ConfigException(
          "ghl.auth", "mode private-token needs private-token and location-id");
    }
    // A Private Integration Token belongs to one location: its calls share that location's budget.
    // Nothing to store: the token lives in the configuration. A 401 means it was revoked.
    TokenProvider provider =
        new StaticTokenProvider(
            TokenStore.AccountKey.location(key), token, Set.of(GrantedScopes.ALL), null);
    GhlClient client = client(ghl, provider, limiter, calls);
    GhlCrmGateway gateway = new GhlCrmGateway(client.rated(key, RatePriority.LIVE));
    // The feed rates its calls by location: the token's one location, so the same budget.
    GhlContactChangeFeed feed = new GhlContactChangeFeed(client);
    // The token's location is the one the reconciliation pass polls.
    List<LocationId> locations = List.of(new LocationId(key));
    return new GhlConnection(
        new GhlAccounts(location -> gateway),
        new GhlCrmWriter(location -> client),
        new GhlContactDirectory(location -> client),
        new GhlChangeFeeds(location -> feed),
        () -> locations,
        Optional.empty(),
        limiter,
        location -> new GhlLocations(client).findLocationName(location));
  }

  private static GhlConnection oauth(
      GhlConfig ghl,
      ServerConfig server,
      Database database,
      TokenStore tokens,
      RateLimiter limiter,
      HttpObserver calls,
      InstantSource clock) {
    URI publicUrl = server.publicUrl();
    String clientId = ghl.clientId();
    Secret clientSecret = ghl.clientSecret();
    if (publicUrl == null || clientId == null || clientSecret == null) {
      throw new ConfigException(
          "ghl.auth", "mode oauth needs client-id, client-secret and server.public-url");
    }
    GhlOAuthSettings settings =
        new GhlOAuthSettings(
            ghl.baseUrl(),
            ghl.authorizeUrl(),
            clientId,
            clientSecret,
            URI.create(publicUrl.toString().replaceAll("/$", "") + GhlOAuthCallbackRoute.PATH),
            INSTALL_SCOPES,
            TokenStore.AccountType.LOCATION,
            Set.copyOf(ghl.locations()),
            ghl.apiVersion(),
            Duration.ofSeconds(15));
    GhlOAuthClient oauthClient = GhlOAuthClient.create(settings, clock);
    GhlTokenProviders providers =
        new GhlTokenProviders(tokens, oauthClient, clock, RefreshingTokenProvider.DEFAULT_MARGIN);
    GhlInstallFlow flow =
        new GhlInstallFlow(
            oauthClient,
            tokens,
            new JdbcOAuthStateStore(database),
            clock,
            new SecureRandom(),
            GhlInstallFlow.DEFAULT_STATE_TTL);
    GhlAccounts accounts =
        new GhlAccounts(
            (LocationId location) ->
                new GhlCrmGateway(
                    client(ghl, providers.location(location.value()), limiter, calls)
                        .rated(location.value(), RatePriority.LIVE)));
    GhlChangeFeeds feeds =
        new GhlChangeFeeds(
            (LocationId location) ->
                new GhlContactChangeFeed(
                    client(ghl, providers.location(location.value()), limiter, calls)));
    Function<LocationId, GhlClient> clients =
        location -> client(ghl, providers.location(location.value()), limiter, calls);
    return new GhlConnection(
        accounts,
        new GhlCrmWriter(clients),
        new GhlContactDirectory(clients),
        feeds,
        () -> connectedLocations(tokens, ghl.locations()),
        Optional.of(flow),
        limiter,
        location -> new GhlLocations(clients.apply(location)).findLocationName(location));
  }

  /** Installed, connected locations; only those allowed when {@code ghl.locations} is set. */
  static List<LocationId> connectedLocations(TokenStore tokens, List<String> allowed) {
    return tokens.listAccounts().stream()
        .filter(account -> account.key().type() == TokenStore.AccountType.LOCATION)
        .filter(account -> account.status() == TokenStore.AccountStatus.CONNECTED)
        .map(account -> account.key().id())
        .filter(id -> allowed.isEmpty() || allowed.contains(id))
        .sorted()
        .map(LocationId::new)
        .toList();
  }

  private static GhlClient client(
      GhlConfig ghl, TokenProvider provider, RateLimiter limiter, HttpObserver calls) {
    // The settings' token is never sent: the authenticator supplies (and renews) the real one.
    GhlSettings settings =
        new GhlSettings(
            ghl.baseUrl(),
            ghl.apiVersion(),
            Secret.of("from-token-provider"),
            GhlSettings.DEFAULT_TIMEOUT);
    GrantedScopes scopes =
        () -> {
          Set<String> granted = provider.grantedScopes();
          return granted.isEmpty() ? Set.of(GrantedScopes.ALL) : granted;
        };
    return GhlClient.create(settings, new TokenAuthenticator(provider), scopes, limiter, calls);
  }
}
