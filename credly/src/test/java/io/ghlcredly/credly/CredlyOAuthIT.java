package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.server.EmulatorRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both auth modes against the emulator: OAuth client credentials and the organization token. */
class CredlyOAuthIT {
  private static final Secret CLIENT_SECRET = Secret.of("client-secret-4f1a");

  private CredlyEmulator emulator;
  private final MapSecretStore secrets = new MapSecretStore();

  @BeforeEach
  void start() {
    emulator = CredlyEmulator.start();
    emulator.registerOAuthClient("app-1", CLIENT_SECRET);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private CredlyClient oauthClient(Secret secret) {
    CredlyCredentials credentials =
        new CredlyCredentials.ClientCredentials(
            "app-1",
            secret,
            emulator.oauthTokenUrl(),
            CredlyCredentials.ClientCredentials.SYNC_SCOPES,
            null);
    return CredlyClient.create(
        new CredlySettings(
            emulator.baseUrl(), emulator.organizationId(), credentials, Duration.ofSeconds(5), 2),
        secrets,
        InstantSource.system());
  }

  private List<String> apiAuthorizations() {
    return emulator.requests().stream()
        .filter(request -> request.path().startsWith("/organizations"))
        .map(request -> request.header("Authorization").orElse(""))
        .toList();
  }

  @Test
  void callsWithABearerTokenFromClientCredentials() {
    CredlyClient client = oauthClient(CLIENT_SECRET);

    client.organization();
    client.organization();

    assertThat(emulator.oauthTokensIssued()).isEqualTo(1);
    assertThat(apiAuthorizations()).allSatisfy(value -> assertThat(value).startsWith("Bearer "));
    EmulatorRequest tokenRequest =
        emulator.requests().stream()
            .filter(request -> request.path().equals("/oauth/token"))
            .findFirst()
            .orElseThrow();
    assertThat(tokenRequest.header("Content-Type")).contains("application/x-www-form-urlencoded");
    assertThat(tokenRequest.body())
        .contains("grant_type=client_credentials", "scope=issued_badges");
  }

  @Test
  void keepsTheAccessTokenEncryptedStoreSoARestartReusesIt() {
    oauthClient(CLIENT_SECRET).organization();

    oauthClient(CLIENT_SECRET).organization();

    assertThat(emulator.oauthTokensIssued()).isEqualTo(1);
    assertThat(secrets.secrets).containsKey("credly.oauth-access-token.app-1");
  }

  @Test
  void fetchesANewTokenOnceAfterA401() {
    CredlyClient client = oauthClient(CLIENT_SECRET);
    client.organization();
    emulator.expireAccessTokens();

    client.organization();

    assertThat(emulator.oauthTokensIssued()).isEqualTo(2);
  }

  @Test
  void fetchesANewTokenBeforeTheOldOneExpires() {
    emulator.accessTokenLifetime(Duration.ofMinutes(4));
    CredlyClient client = oauthClient(CLIENT_SECRET);

    client.organization();
    client.organization();

    // Lifetime shorter than the refresh margin: every call asks for a fresh token.
    assertThat(emulator.oauthTokensIssued()).isEqualTo(2);
  }

  @Test
  void wrongClientSecretIsUnauthorizedWithTheReason() {
    assertThatThrownBy(() -> oauthClient(Secret.of("wrong")).organization())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED);
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.providerMessage()).contains("Client authentication failed");
              assertThat(e.getMessage()).doesNotContain("wrong");
            });
  }

  @Test
  void organizationTokenIsKeptEncryptedAndWrittenOnlyWhenChanged() {
    CredlySettings settings =
        new CredlySettings(
            emulator.baseUrl(),
            emulator.organizationId(),
            emulator.authToken(),
            Duration.ofSeconds(5));

    CredlyClient.create(settings, secrets, InstantSource.system()).organization();
    CredlyClient.create(settings, secrets, InstantSource.system()).organization();

    assertThat(secrets.secrets.get(CredlyAuth.TOKEN_SECRET)).isEqualTo(emulator.authToken());
    assertThat(secrets.writes).isEqualTo(1);
  }

  @Test
  void picksUpATokenRotatedInTheSecretStoreAfterA401() {
    CredlyClient client =
        CredlyClient.create(
            new CredlySettings(
                emulator.baseUrl(),
                emulator.organizationId(),
                emulator.authToken(),
                Duration.ofSeconds(5)),
            secrets,
            InstantSource.system());
    Secret rotated = Secret.of("rotated-token-77");
    emulator.rotateOrganizationToken(rotated);
    secrets.put(CredlyAuth.TOKEN_SECRET, rotated);

    assertThat(client.organization().id()).isEqualTo(emulator.organizationId());
  }

  @Test
  void expiredOrganizationTokenIsUnauthorized() {
    emulator.expireOrganizationTokenAt(Instant.now().minusSeconds(1));
    CredlyClient client =
        CredlyClient.create(
            new CredlySettings(
                emulator.baseUrl(),
                emulator.organizationId(),
                emulator.authToken(),
                Duration.ofSeconds(5)));

    assertThatThrownBy(client::organization)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.providerMessage()).contains("The authorization token expired"));
  }
}
