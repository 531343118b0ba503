package io.ghlcredly.http.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.AccountDisconnectedException;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.AccountStatus;
import io.ghlcredly.core.port.TokenStore.TokenSet;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaticTokenProviderTest {
  private static final AccountKey ACCOUNT = AccountKey.location("loc-1");
  private static final Secret PIT = Secret.of("pit-1234");

  private final InMemoryTokenStore store =
      new InMemoryTokenStore(InstantSource.fixed(Instant.parse("2026-03-01T10:00:00Z")));

  @Test
  void handsOutTheSameTokenAndItsScopes() {
    StaticTokenProvider provider =
        new StaticTokenProvider(ACCOUNT, PIT, Set.of("contacts.readonly"), null);

    assertThat(provider.accessToken()).isEqualTo(PIT);
    assertThat(provider.accessToken()).isEqualTo(PIT);
    assertThat(provider.grantedScopes()).containsExactly("contacts.readonly");
  }

  @Test
  void aRefusedTokenDisconnectsTheAccountInsteadOfRefreshing() {
    store.saveInstalled(ACCOUNT, new TokenSet(PIT, null, Instant.MAX, Set.of()), null);
    StaticTokenProvider provider = new StaticTokenProvider(ACCOUNT, PIT, Set.of(), store);

    assertThatThrownBy(() -> provider.onUnauthorized(PIT))
        .isInstanceOf(AccountDisconnectedException.class)
        .hasMessageContaining("LOCATION:loc-1");

    assertThatThrownBy(provider::accessToken).isInstanceOf(AccountDisconnectedException.class);
    assertThat(store.find(ACCOUNT).orElseThrow().status()).isEqualTo(AccountStatus.DISCONNECTED);
  }
}
