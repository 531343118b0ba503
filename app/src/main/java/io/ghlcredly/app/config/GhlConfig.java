package io.ghlcredly.app.config;

import io.ghlcredly.core.model.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The HighLevel connection (YAML {@code ghl:}).
 *
 * @param mode how we authenticate: a marketplace app (OAuth) or a private integration token
 * @param privateToken set exactly when {@code mode} is {@link AuthMode#PRIVATE_TOKEN}
 * @param privateTokenLocation the one location (sub-account) the Private Integration Token belongs
 *     to: set exactly when {@code mode} is {@link AuthMode#PRIVATE_TOKEN}
 * @param clientId set exactly when {@code mode} is {@link AuthMode#OAUTH}
 * @param clientSecret set exactly when {@code mode} is {@link AuthMode#OAUTH}
 * @param apiVersion the {@code Version} header GHL requires
 * @param baseUrl API base URL; configurable so tests can point at an emulator
 * @param locations allow-list of location ids; empty means every location that installed the app.
 *     In private-token mode empty or the token's location only
 * @param webhooks webhook verification settings
 * @param authorizeUrl where an OAuth install starts
 * @param reconcile the polling pass that finds changes whose webhook was lost
 */
public record GhlConfig(
    AuthMode mode,
    @Nullable Secret privateToken,
    @Nullable String privateTokenLocation,
    @Nullable String clientId,
    @Nullable Secret clientSecret,
    String apiVersion,
    URI baseUrl,
    List<String> locations,
    WebhookConfig webhooks,
    URI authorizeUrl,
    Reconcile reconcile) {
  public static final String DEFAULT_API_VERSION = "2021-07-28";
  public static final URI DEFAULT_BASE_URL = URI.create("https://services.leadconnectorhq.com");

  /** HighLevel's choose-location page, where an OAuth install starts. */
  public static final URI DEFAULT_AUTHORIZE_URL =
      URI.create("https://marketplace.gohighlevel.com/v2/oauth/chooselocation");

  /**
   * The polling reconciliation pass (YAML {@code ghl.reconcile}).
   *
   * @param enabled whether the pass runs at all
   * @param every the delay between passes
   * @param lookback how far back the first pass of a location looks
   * @param budgetShare the share (0 to 1) of a location's burst budget that bulk work, the pass
   *     included, may use; the rest stays free for webhook-driven syncs
   */
  public record Reconcile(boolean enabled, Duration every, Duration lookback, double budgetShare) {
    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(15);
    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(1);
    public static final double DEFAULT_BUDGET_SHARE = 0.2;
    public static final Reconcile DEFAULT =
        new Reconcile(true, DEFAULT_EVERY, DEFAULT_LOOKBACK, DEFAULT_BUDGET_SHARE);

    public Reconcile {
      if (every.isNegative() || every.isZero()) {
        throw new IllegalArgumentException("reconcile.every must be positive");
      }
      if (lookback.isNegative()) {
        throw new IllegalArgumentException("reconcile.lookback must not be negative");
      }
      if (!(budgetShare > 0 && budgetShare <= 1)) {
        throw new IllegalArgumentException("reconcile.budget-share must be above 0, at most 1");
      }
    }
  }

  /**
   * With HighLevel's own authorize URL and the default reconciliation settings; in private-token
   * mode the token's location is the one id of {@code locations} (the form written before {@code
   * ghl.auth.location-id}).
   */
  public GhlConfig(
      AuthMode mode,
      @Nullable Secret privateToken,
      @Nullable String clientId,
      @Nullable Secret clientSecret,
      String apiVersion,
      URI baseUrl,
      List<String> locations,
      WebhookConfig webhooks) {
    this(
        mode,
        privateToken,
        mode == AuthMode.PRIVATE_TOKEN && locations.size() == 1 ? locations.get(0) : null,
        clientId,
        clientSecret,
        apiVersion,
        baseUrl,
        locations,
        webhooks,
        DEFAULT_AUTHORIZE_URL,
        Reconcile.DEFAULT);
  }

  /**
   * The locations this configuration names: the token's one in private-token mode, else {@code
   * locations} (empty: every connected OAuth location).
   */
  public List<String> configuredLocations() {
    return privateTokenLocation != null ? List.of(privateTokenLocation) : locations;
  }

  /** How the service authenticates to GHL. YAML: {@code oauth} or {@code private-token}. */
  public enum AuthMode {
    OAUTH,
    PRIVATE_TOKEN
  }

  public GhlConfig {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(reconcile, "reconcile");
    locations = List.copyOf(locations);
    switch (mode) {
      case OAUTH -> {
        if (clientId == null || clientId.isBlank() || clientSecret == null) {
          throw new IllegalArgumentException("mode oauth needs client-id and client-secret");
        }
        if (privateToken != null || privateTokenLocation != null) {
          throw new IllegalArgumentException(
              "private-token and location-id are only used with mode private-token");
        }
      }
      case PRIVATE_TOKEN -> {
        if (privateToken == null) {
          throw new IllegalArgumentException("mode private-token needs private-token");
        }
        if (clientId != null || clientSecret != null) {
          throw new IllegalArgumentException(
              "client-id and client-secret are only used with mode oauth");
        }
        if (privateTokenLocation == null || privateTokenLocation.isBlank()) {
          throw new IllegalArgumentException("mode private-token needs location-id");
        }
        // A token reaches its own location only: any other listed location would be unreachable.
        if (!locations.isEmpty() && !locations.equals(List.of(privateTokenLocation))) {
          throw new IllegalArgumentException(
              "with mode private-token, locations may list the token's location only");
        }
      }
    }
    if (apiVersion.isBlank()) {
      throw new IllegalArgumentException("api-version must not be blank");
    }
    if (!Uris.isAbsoluteHttp(baseUrl)) {
      throw new IllegalArgumentException("base-url must be an absolute http(s) URL");
    }
    for (String location : locations) {
      if (location.isBlank()) {
        throw new IllegalArgumentException("locations must not contain blank ids");
      }
    }
  }
}
