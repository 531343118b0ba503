package io.ghlcredly.app.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.AccountDisconnectedException;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.AccountStatus;
import io.ghlcredly.core.port.TokenStore.StoredTokens;
import io.ghlcredly.ghl.oauth.GhlTokenGrant;
import io.ghlcredly.http.oauth.TokenProvider;
import io.ghlcredly.storage.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refresh ahead of expiry, and disconnection, against the emulator's token endpoint on H2. */
class GhlTokenRefreshIT {
  @TempDir Path folder;
  private OAuthFixture fixture;
  private OAuthFixture.Instance engine;
  private AccountKey location;
  private String ada;

  @BeforeEach
  void install() {
    fixture = new OAuthFixture();
    engine = fixture.instance(TestDatabases.h2(folder));
    location = AccountKey.location(fixture.ghl.locationId());
    String code =
        fixture
            .ghl
            .oauth()
            .authorize(
                fixture.ghl.oauth().clientId(),
                fixture.oauthSettings().redirectUri().toString(),
                location.id(),
                OAuthFixture.SCOPES);
    GhlTokenGrant grant = engine.oauthClient.exchangeCode(code);
    engine.tokens.saveInstalled(location, grant.tokens().toTokenSet(), grant.companyId());
    ada = fixture.ghl.seedContact("Ada", "Lovelace", "ada@example.com");
  }

  @AfterEach
  void stop() {
    fixture.close();
    engine.database.close();
  }

  @Test
  void refreshesOnceWhenTheClockReachesTheMarginAndPersistsTheRotatedPair() {
    TokenProvider tokens = engine.providers.location(location.id());
    Secret first = tokens.accessToken();
    Secret firstRefresh = refreshToken();

    fixture.clock.advance(Duration.ofHours(23).plusMinutes(50));
    assertThat(tokens.accessToken()).isEqualTo(first);

    fixture.clock.advance(Duration.ofMinutes(6));
    Secret second = tokens.accessToken();

    assertThat(second).isNotEqualTo(first);
    assertThat(tokens.accessToken()).isEqualTo(second);
    assertThat(refreshToken()).isNotEqualTo(firstRefresh);
    assertThat(engine.tokens.find(location).orElseThrow().accessToken()).isEqualTo(second);
    assertThat(fixture.ghl.oauth().refreshes(location.id())).isEqualTo(1);
    assertThat(engine.contacts().read(ada)).isNotNull();
  }

  @Test
  void aTokenRefusedByTheApiIsRefreshedOnceAndTheCallReplayed() {
    TokenProvider tokens = engine.providers.location(location.id());
    tokens.accessToken();
    // The API stops accepting the token before we expected (clock past its expiry at once).
    fixture.clock.advance(Duration.ofSeconds(86399));

    assertThat(engine.contacts().read(ada)).isNotNull();
    assertThat(fixture.ghl.oauth().refreshes(location.id())).isEqualTo(1);
  }

  @Test
  void aRevokedInstallDisconnectsTheAccountWithATypedError() {
    engine.contacts().read(ada);
    fixture.ghl.oauth().revoke(location.id());

    assertThatThrownBy(() -> engine.contacts().read(ada))
        .isInstanceOf(AccountDisconnectedException.class)
        .hasMessageContaining(location.toString())
        .hasMessageContaining("invalid_grant");

    StoredTokens stored = engine.tokens.find(location).orElseThrow();
    assertThat(stored.status()).isEqualTo(AccountStatus.DISCONNECTED);
    assertThat(stored.statusReason()).contains("revoked");
    assertThat(engine.tokens.listAccounts().getFirst().status())
        .isEqualTo(AccountStatus.DISCONNECTED);
    assertThat(fixture.ghl.oauth().reuseAttempts()).isZero();
    assertThatThrownBy(() -> engine.providers.location(location.id()).accessToken())
        .isInstanceOf(AccountDisconnectedException.class);
  }

  @Test
  void exposesTheGrantedScopes() {
    assertThat(engine.providers.location(location.id()).grantedScopes())
        .isEqualTo(OAuthFixture.SCOPES);
  }

  private Secret refreshToken() {
    Secret refresh = engine.tokens.find(location).orElseThrow().tokens().refreshToken();
    assertThat(refresh).isNotNull();
    return java.util.Objects.requireNonNull(refresh);
  }
}
