package io.ghlcredly.app.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.StoredTokens;
import io.ghlcredly.storage.Jdbc;
import io.ghlcredly.storage.TestDatabases;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install flow over real HTTP: our routes, the emulator's consent page and token endpoint. */
class GhlOAuthInstallIT {
  @TempDir Path folder;
  private final HttpClient browser =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private OAuthFixture fixture;
  private OAuthFixture.Instance engine;

  @BeforeEach
  void start() {
    fixture = new OAuthFixture();
    engine = fixture.instance(TestDatabases.h2(folder));
    fixture.serveInstallsWith(engine);
  }

  @AfterEach
  void stop() {
    fixture.close();
    engine.database.close();
  }

  @Test
  void installsALocationAndItsTokenWorksForApiCalls() throws Exception {
    HttpResponse<String> start = get(fixture.webUrl("/oauth/ghl/start"));
    assertThat(start.statusCode()).isEqualTo(302);
    URI consent = location(start);
    assertThat(consent.toString())
        .startsWith(fixture.ghl.baseUrl() + "/v2/oauth/chooselocation?response_type=code")
        .contains("client_id=" + fixture.ghl.oauth().clientId())
        .contains("scope=contacts.readonly%20contacts.write%20oauth.write")
        .contains("state=");

    HttpResponse<String> approved = get(consent);
    assertThat(approved.statusCode()).isEqualTo(302);
    URI callback = location(approved);
    HttpResponse<String> done = get(callback);

    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
        .isEqualTo("text/html;charset=utf-8");
    assertThat(done.body()).contains("LOCATION:" + fixture.ghl.locationId());
    AccountKey location = AccountKey.location(fixture.ghl.locationId());
    StoredTokens stored = engine.tokens.find(location).orElseThrow();
    assertThat(stored.connected()).isTrue();
    assertThat(stored.grantedScopes()).isEqualTo(OAuthFixture.SCOPES);
    assertThat(stored.companyId()).isEqualTo(fixture.ghl.oauth().companyId());
    assertThat(rawAccessToken(location)).doesNotContain(stored.accessToken().reveal());

    String ada = fixture.ghl.seedContact("Ada", "Lovelace", "ada@example.com");
    assertThat(engine.contacts().read(ada)).isNotNull();
    assertThat(engine.providers.location(fixture.ghl.locationId()).grantedScopes())
        .contains("contacts.readonly");

    HttpResponse<String> replayed = get(callback);
    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(replayed.body()).contains("already used");
  }

  @Test
  void installsACompanyAndMintsATokenForItsLocation() throws Exception {
    fixture.ghl.oauth().consentAs(fixture.ghl.oauth().companyId());

    HttpResponse<String> done =
        get(location(get(location(get(fixture.webUrl("/oauth/ghl/start"))))));

    assertThat(done.statusCode()).isEqualTo(200);
    AccountKey company = AccountKey.company(fixture.ghl.oauth().companyId());
    AccountKey location = AccountKey.location(fixture.ghl.locationId());
    assertThat(engine.tokens.find(company).orElseThrow().tokens().refreshToken()).isNotNull();
    StoredTokens minted = engine.tokens.find(location).orElseThrow();
    assertThat(minted.tokens().refreshToken()).isNull();
    assertThat(minted.companyId()).isEqualTo(company.id());
    String ada = fixture.ghl.seedContact("Ada", "Lovelace", "ada@example.com");
    assertThat(engine.contacts().read(ada)).isNotNull();

    // A day later the location token is minted again from the company token, itself refreshed.
    fixture.clock.advance(Duration.ofHours(24).minus(Duration.ofMinutes(4)));
    assertThat(engine.contacts().read(ada)).isNotNull();

    assertThat(fixture.ghl.oauth().locationTokensMinted()).isEqualTo(2);
    assertThat(fixture.ghl.oauth().refreshes(company.id())).isEqualTo(1);
    assertThat(fixture.ghl.oauth().reuseAttempts()).isZero();
  }

  @Test
  void refusesAMissingOrUnknownState() throws Exception {
    HttpResponse<String> missing = get(fixture.webUrl("/oauth/ghl/callback?code=abc"));
    HttpResponse<String> unknown =
        get(fixture.webUrl("/oauth/ghl/callback?code=abc&state=made-up"));

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("missing state");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("unknown, expired or already used state");
    assertThat(engine.tokens.listAccounts()).isEmpty();
  }

  @Test
  void refusesAStateOlderThanTenMinutes() throws Exception {
    URI consent = location(get(fixture.webUrl("/oauth/ghl/start")));
    URI callback = location(get(consent));

    fixture.clock.advance(Duration.ofMinutes(11));
    HttpResponse<String> late = get(callback);

    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(late.body()).contains("expired");
    assertThat(engine.tokens.listAccounts()).isEmpty();
  }

  @Test
  void aRefusedExchangeAnswers502AndStoresNothing() throws Exception {
    URI consent = location(get(fixture.webUrl("/oauth/ghl/start")));
    String state = query(consent).get("state");

    HttpResponse<String> failed =
        get(
            fixture.webUrl(
                "/oauth/ghl/callback?code=not-a-code&state="
                    + URLEncoder.encode(String.valueOf(state), StandardCharsets.UTF_8)));

    assertThat(failed.statusCode()).isEqualTo(502);
    assertThat(failed.body()).contains("HTTP 401").contains("Authorization code not found");
    assertThat(engine.tokens.listAccounts()).isEmpty();
  }

  @Test
  void aDeniedConsentIsRefusedAndUsesUpTheState() throws Exception {
    URI consent = location(get(fixture.webUrl("/oauth/ghl/start")));
    String state = String.valueOf(query(consent).get("state"));
    String encoded = URLEncoder.encode(state, StandardCharsets.UTF_8);

    HttpResponse<String> denied =
        get(fixture.webUrl("/oauth/ghl/callback?error=access_denied&state=" + encoded));
    HttpResponse<String> later = get(fixture.webUrl("/oauth/ghl/callback?code=x&state=" + encoded));

    assertThat(denied.statusCode()).isEqualTo(400);
    assertThat(denied.body()).contains("access_denied");
    assertThat(later.statusCode()).isEqualTo(400);
    assertThat(engine.tokens.listAccounts()).isEmpty();
  }

  @Test
  void refusesACallbackInABrowserThatDidNotStartTheInstall() throws Exception {
    URI consent = location(get(fixture.webUrl("/oauth/ghl/start")));
    URI callback = location(get(consent));

    HttpResponse<String> elsewhere =
        browser.send(
            HttpRequest.newBuilder(callback)
                .header(OAuthFixture.OTHER_BROWSER, "yes")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> sameBrowserAfter = get(callback);

    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(elsewhere.body()).contains("this browser did not start the install");
    assertThat(sameBrowserAfter.statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI location(HttpResponse<String> response) {
    return URI.create(response.headers().firstValue("Location").orElseThrow());
  }

  private static Map<String, String> query(URI uri) {
    return new io.ghlcredly.web.WebhookRequest(
            "GET",
            uri.getPath(),
            Map.of(),
            new io.ghlcredly.web.WebhookRequest.Body.TooLarge(0),
            uri.getRawQuery())
        .query();
  }

  private String rawAccessToken(AccountKey key) {
    byte[] raw =
        new Jdbc(engine.database)
            .queryOne(
                "SELECT access_token FROM oauth_account WHERE account_type = ? AND account_id = ?",
                row -> row.getBytes(1),
                key.type().name(),
                key.id())
            .orElseThrow();
    return new String(raw, StandardCharsets.ISO_8859_1);
  }
}
