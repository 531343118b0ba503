package io.ghlcredly.app.web.oauth;

import io.ghlcredly.app.web.TestWebServers;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.ghl.GhlClient;
import io.ghlcredly.ghl.GhlSettings;
import io.ghlcredly.ghl.oauth.GhlInstallFlow;
import io.ghlcredly.ghl.oauth.GhlOAuthClient;
import io.ghlcredly.ghl.oauth.GhlOAuthSettings;
import io.ghlcredly.ghl.oauth.GhlTokenProviders;
import io.ghlcredly.http.oauth.TokenAuthenticator;
import io.ghlcredly.http.oauth.TokenProvider;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.JdbcOAuthStateStore;
import io.ghlcredly.storage.JdbcTokenStore;
import io.ghlcredly.storage.SecretCipher;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulatorSettings;
import io.ghlcredly.testkit.time.MutableClock;
import io.ghlcredly.web.Route;
import io.ghlcredly.web.WebServer;
import io.ghlcredly.web.WebhookResponse;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OAuth pieces wired as the service wires them, against a GHL emulator whose clock the test
 * moves: one "instance" per {@link Instance} (its own database pool, stores and providers).
 */
final class OAuthFixture implements AutoCloseable {
  static final Set<String> SCOPES = Set.of("contacts.readonly", "contacts.write", "oauth.write");
  static final Duration MARGIN = Duration.ofMinutes(5);

  final MutableClock clock = MutableClock.at(Instant.parse("2026-04-01T09:00:00Z"));
  final GhlEmulator ghl =
      GhlEmulator.start(
          GhlEmulatorSettings.defaults()
              .withClock(clock)
              .withRateLimits(Integer.MAX_VALUE, Long.MAX_VALUE));
  final SecretCipher cipher = SecretCipher.generate();
  private final AtomicReference<GhlInstallFlow> flow = new AtomicReference<>();
  final WebServer web;

  static final String BINDING = "binding-of-the-admins-browser";

  /** A request header that makes the callback come from a browser without the install cookie. */
  static final String OTHER_BROWSER = "x-test-other-browser";

  OAuthFixture() {
    // The browser's install cookie, as the dashboard's start sets it; a request naming another
    // browser comes back without it.
    Route start =
        request ->
            new WebhookResponse(302, "", Map.of("Location", flow.get().start(BINDING).toString()));
    Route callback =
        request ->
            new GhlOAuthCallbackRoute(flow.get())
                .handle(request, request.headers().containsKey(OTHER_BROWSER) ? null : BINDING);
    web =
        TestWebServers.start(
            Map.of("GET /oauth/ghl/start", start, GhlOAuthCallbackRoute.KEY, callback),
            1024 * 1024);
  }

  URI webUrl(String path) {
    return URI.create("http://127.0.0.1:" + web.port() + path);
  }

  GhlOAuthSettings oauthSettings() {
    return GhlOAuthSettings.defaults(
            ghl.oauth().clientId(),
            ghl.oauth().clientSecret(),
            webUrl("/oauth/ghl/callback"),
            SCOPES)
        .withUrls(ghl.baseUrl(), URI.create(ghl.baseUrl() + "/v2/oauth/chooselocation"));
  }

  /** An engine instance on its own pool over the given database. */
  Instance instance(Database database) {
    return new Instance(database);
  }

  /** Serves the install routes with this instance's flow. */
  void serveInstallsWith(Instance instance) {
    flow.set(instance.installFlow);
  }

  @Override
  public void close() {
    web.close();
    ghl.close();
  }

  final class Instance {
    final Database database;
    final JdbcTokenStore tokens;
    final GhlOAuthClient oauthClient;
    final GhlTokenProviders providers;
    final GhlInstallFlow installFlow;

    private Instance(Database database) {
      this.database = database;
      this.tokens = new JdbcTokenStore(database, cipher, clock);
      this.oauthClient = GhlOAuthClient.create(oauthSettings(), clock);
      this.providers = new GhlTokenProviders(tokens, oauthClient, clock, MARGIN);
      this.installFlow =
          new GhlInstallFlow(
              oauthClient,
              tokens,
              new JdbcOAuthStateStore(database),
              clock,
              new SecureRandom(),
              GhlInstallFlow.DEFAULT_STATE_TTL);
    }

    /** A contacts client for the emulator's location, authenticated by this instance. */
    ContactReader contacts() {
      TokenProvider tokenProvider = providers.location(ghl.locationId());
      GhlClient client =
          GhlClient.create(
              GhlSettings.defaults(ghl.accessToken()).withBaseUrl(ghl.baseUrl()),
              new TokenAuthenticator(tokenProvider));
      // The transport itself refreshes and replays once after a 401, as in production.
      return contactId ->
          Objects.requireNonNull(client.getContact(new ContactId(contactId)).contact());
    }
  }

  /** Reads a contact through the engine's GHL client. */
  @FunctionalInterface
  interface ContactReader {
    Object read(String contactId);
  }
}
