package io.ghlcredly.ghl.oauth;

import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.http.oauth.RefreshingTokenProvider;
import io.ghlcredly.http.oauth.TokenProvider;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link RefreshingTokenProvider} per installed HighLevel account in this process (so its
 * threads share one in-memory single flight), refreshing through a {@link GhlTokenRefresher}.
 * Thread-safe.
 */
public final class GhlTokenProviders {
  private final TokenStore store;
  private final GhlTokenRefresher refresher;
  private final InstantSource clock;
  private final Duration margin;
  private final Map<AccountKey, RefreshingTokenProvider> providers = new ConcurrentHashMap<>();

  /**
   * @param margin refresh when the access token has less than this left (for example 5 minutes)
   */
  public GhlTokenProviders(
      TokenStore store, GhlOAuthClient client, InstantSource clock, Duration margin) {
    this.store = store;
    this.refresher = new GhlTokenRefresher(client, this::provider);
    this.clock = clock;
    this.margin = margin;
  }

  /** The provider of an account; the same instance on every call. */
  public TokenProvider provider(AccountKey key) {
    return providers.computeIfAbsent(
        key, any -> new RefreshingTokenProvider(store, key, refresher, clock, margin));
  }

  /** The provider of a location's token. */
  public TokenProvider location(String locationId) {
    return provider(AccountKey.location(locationId));
  }
}
