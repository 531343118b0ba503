package io.ghlcredly.ghl.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.AccountType;
import io.ghlcredly.ghl.GhlClient;
import io.ghlcredly.ghl.GhlSettings;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulatorSettings;
import io.ghlcredly.testkit.ghl.oauth.GhlOAuthEmulator;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.time.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GhlOAuthClientIT {
  static final URI REDIRECT = URI.create("https://sync.example.com/oauth/ghl/callback");
  static final Set<String> SCOPES = Set.of("contacts.readonly", "contacts.write");

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-04-01T09:00:00Z"));
  private final GhlEmulator emulator =
      GhlEmulator.start(GhlEmulatorSettings.defaults().withClock(clock));
  private final GhlOAuthEmulator oauth = emulator.oauth();
  private final GhlOAuthClient client = GhlOAuthClient.create(settings(emulator), clock);

  @AfterEach
  void stop() {
    emulator.close();
  }

  static GhlOAuthSettings settings(GhlEmulator emulator) {
    return GhlOAuthSettings.defaults(
            emulator.oauth().clientId(), emulator.oauth().clientSecret(), REDIRECT, SCOPES)
        .withUrls(emulator.baseUrl(), URI.create(emulator.baseUrl() + "/v2/oauth/chooselocation"));
  }

  @Test
  void exchangesACodeForALocationTokenThatTheApiAccepts() {
    String code = oauth.authorize(oauth.clientId(), REDIRECT.toString(), location(), SCOPES);

    GhlTokenGrant grant = client.exchangeCode(code);

    assertThat(grant.account()).isEqualTo(AccountKey.location(location()));
    assertThat(grant.companyId()).isEqualTo(oauth.companyId());
    assertThat(grant.tokens().scopes()).isEqualTo(SCOPES);
    assertThat(grant.tokens().expiresAt()).isEqualTo(clock.instant().plusSeconds(86399));
    assertThat(grant.tokens().refreshToken()).isNotNull();
    String contact = emulator.seedContact("Ada", "Lovelace", "ada@example.com");
    assertThat(api(grant.tokens().accessToken()).getContact(new ContactId(contact)).contact())
        .isNotNull();
    EmulatorRequest sent = emulator.requests().getFirst();
    assertThat(sent.header("Content-Type")).hasValue("application/x-www-form-urlencoded");
    assertThat(sent.body()).contains("grant_type=authorization_code", "user_type=Location");
  }

  @Test
  void aCodeWorksOnce() {
    String code = oauth.authorize(oauth.clientId(), REDIRECT.toString(), location(), SCOPES);
    client.exchangeCode(code);

    ApiException again = catchThrowableOfType(ApiException.class, () -> client.exchangeCode(code));

    assertThat(again.status()).isEqualTo(401);
    assertThat(again.providerMessage().orElseThrow()).contains("code not found");
  }

  @Test
  void aRefreshTokenIsSingleUseAndItsReuseIsCounted() {
    GhlTokenGrant installed = install();
    Secret first = Objects.requireNonNull(installed.tokens().refreshToken());

    GhlTokenGrant refreshed = client.refresh(first, AccountType.LOCATION);
    ApiException reused =
        catchThrowableOfType(ApiException.class, () -> client.refresh(first, AccountType.LOCATION));

    assertThat(refreshed.tokens().refreshToken()).isNotEqualTo(first);
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.providerMessage().orElseThrow()).startsWith("invalid_grant");
    assertThat(GhlOAuthClient.isGrantRejected(reused)).isTrue();
    assertThat(oauth.refreshes(location())).isEqualTo(1);
    assertThat(oauth.reuseAttempts()).isEqualTo(1);
  }

  @Test
  void wrongClientCredentialsAreNotTheGrantsFault() {
    GhlTokenGrant installed = install();
    GhlOAuthSettings good = settings(emulator);
    GhlOAuthClient wrong =
        GhlOAuthClient.create(
            new GhlOAuthSettings(
                good.baseUrl(),
                good.authorizeUrl(),
                good.clientId(),
                Secret.of("not-the-secret"),
                good.redirectUri(),
                good.scopes(),
                good.userType(),
                good.locations(),
                good.apiVersion(),
                good.timeout()),
            clock);

    ApiException failure =
        catchThrowableOfType(
            ApiException.class,
            () ->
                wrong.refresh(
                    Objects.requireNonNull(installed.tokens().refreshToken()),
                    AccountType.LOCATION));

    assertThat(failure.status()).isEqualTo(401);
    assertThat(GhlOAuthClient.isGrantRejected(failure)).isFalse();
    assertThat(failure.getMessage()).doesNotContain("not-the-secret");
  }

  @Test
  void anAccessTokenExpiresAfterADayOfTheEmulatorsClock() {
    GhlTokenGrant installed = install();
    String contact = emulator.seedContact("Ada", "Lovelace", "ada@example.com");
    GhlClient api = api(installed.tokens().accessToken());

    clock.advance(Duration.ofSeconds(86399));
    ApiException expired =
        catchThrowableOfType(ApiException.class, () -> api.getContact(new ContactId(contact)));

    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.providerMessage()).hasValue(GhlOAuthEmulator.INVALID_JWT);
  }

  @Test
  void anExpiredAccessTokenIsRefusedWhileItsRefreshTokenStillWorksOnce() {
    GhlTokenGrant installed = install();
    String contact = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    oauth.expireAccessTokens(location());

    ApiException expired =
        catchThrowableOfType(
            ApiException.class,
            () -> api(installed.tokens().accessToken()).getContact(new ContactId(contact)));
    GhlTokenGrant refreshed =
        client.refresh(
            Objects.requireNonNull(installed.tokens().refreshToken()), AccountType.LOCATION);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.providerMessage()).hasValue(GhlOAuthEmulator.INVALID_JWT);
    assertThat(api(refreshed.tokens().accessToken()).getContact(new ContactId(contact)).contact())
        .isNotNull();
    assertThat(oauth.refreshes(location())).isEqualTo(1);
  }

  @Test
  void aRevokedTokenIsRefusedAndCannotBeRefreshed() {
    GhlTokenGrant installed = install();
    String contact = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    oauth.revoke(location());

    ApiException call =
        catchThrowableOfType(
            ApiException.class,
            () -> api(installed.tokens().accessToken()).getContact(new ContactId(contact)));
    ApiException refresh =
        catchThrowableOfType(
            ApiException.class,
            () ->
                client.refresh(
                    Objects.requireNonNull(installed.tokens().refreshToken()),
                    AccountType.LOCATION));
    assertThat(call.providerMessage()).hasValue(GhlOAuthEmulator.INVALID_JWT);
    assertThat(GhlOAuthClient.isGrantRejected(refresh)).isTrue();
    assertThat(oauth.reuseAttempts()).isZero();
  }

  @Test
  void exchangesACompanyTokenForALocationToken() {
    Set<String> agencyScopes = Set.of("contacts.readonly", "oauth.write");
    String code =
        oauth.authorize(oauth.clientId(), REDIRECT.toString(), oauth.companyId(), agencyScopes);
    GhlTokenGrant company = client.exchangeCode(code);
    String contact = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    ApiException companyOnContacts =
        catchThrowableOfType(
            ApiException.class,
            () -> api(company.tokens().accessToken()).getContact(new ContactId(contact)));
    GhlTokenGrant location =
        client.locationToken(company.tokens().accessToken(), oauth.companyId(), location());

    assertThat(company.account()).isEqualTo(AccountKey.company(oauth.companyId()));
    assertThat(company.approvedLocations()).containsExactly(location());
    assertThat(companyOnContacts.providerMessage().orElseThrow()).contains("authClass");
    assertThat(location.account()).isEqualTo(AccountKey.location(location()));
    assertThat(location.tokens().refreshToken()).isNull();
    assertThat(location.companyId()).isEqualTo(oauth.companyId());
    assertThat(api(location.tokens().accessToken()).getContact(new ContactId(contact)).contact())
        .isNotNull();
    assertThat(oauth.locationTokensMinted()).isEqualTo(1);
  }

  private GhlTokenGrant install() {
    return client.exchangeCode(
        oauth.authorize(oauth.clientId(), REDIRECT.toString(), location(), SCOPES));
  }

  private String location() {
    return emulator.locationId();
  }

  private GhlClient api(Secret token) {
    return GhlClient.create(GhlSettings.defaults(token).withBaseUrl(emulator.baseUrl()));
  }
}
