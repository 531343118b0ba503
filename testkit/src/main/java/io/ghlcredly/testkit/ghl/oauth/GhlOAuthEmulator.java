package io.ghlcredly.testkit.ghl.oauth;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.server.EmulatorServer;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * HighLevel's OAuth side, inside the GHL emulator: one marketplace app ({@link #clientId()}, {@link
 * #clientSecret()}) installable on any location of the emulator's company or on the company
 * (agency) itself. A company install covers every location of the company.
 *
 * <p>Consent is emulated: {@link #authorize} mints a one-time code as the marketplace page would
 * after the user approved, and {@code GET /v2/oauth/chooselocation} does the same for {@link
 * #consentAs the chosen account} and redirects to {@code redirect_uri?code=…&state=…}. {@code POST
 * /oauth/token} exchanges codes and single-use refresh tokens (a reuse is refused with {@code
 * invalid_grant} and counted in {@link #reuseAttempts()}); {@code POST /oauth/locationToken} turns
 * a company token into a token of any of its locations. Access tokens live 24 h of the emulator's
 * clock; the emulator's API accepts location access tokens until they expire or are {@link #revoke
 * revoked}.
 *
 * <p>Thread-safe.
 */
public final class GhlOAuthEmulator {
  /** What the API answers for an expired or revoked OAuth token. */
  public static final String INVALID_JWT = "Invalid JWT";

  private final OAuthGrants grants;
  private final Supplier<List<String>> locations;
  private final String companyId;
  private final String appId;
  private final String clientId;
  private final Secret clientSecret;
  private final String userId = "user-" + UUID.randomUUID().toString().substring(0, 8);
  private volatile @Nullable String consentingAccount;

  /** An emulator whose company has exactly one location. */
  public GhlOAuthEmulator(InstantSource clock, String locationId, String companyId) {
    this(clock, companyId, () -> List.of(locationId));
  }

  /**
   * @param locations the company's location ids, asked on every use (locations may be added later);
   *     the first one approves on the consent page until {@link #consentAs} says otherwise
   */
  public GhlOAuthEmulator(InstantSource clock, String companyId, Supplier<List<String>> locations) {
    this.grants = new OAuthGrants(clock);
    this.locations = locations;
    this.companyId = companyId;
    this.appId = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    this.clientId = appId + "-" + UUID.randomUUID().toString().substring(0, 8);
    this.clientSecret = Secret.of(UUID.randomUUID().toString());
  }

  /** Adds the OAuth routes to the emulator's server. */
  public void register(EmulatorServer server) {
    new OAuthRoutes(this, grants).register(server);
  }

  public String clientId() {
    return clientId;
  }

  public Secret clientSecret() {
    return clientSecret;
  }

  public String appId() {
    return appId;
  }

  public String companyId() {
    return companyId;
  }

  /** The company's location ids, the first location first. */
  List<String> locations() {
    return List.copyOf(locations.get());
  }

  boolean hasLocation(String locationId) {
    return locations.get().contains(locationId);
  }

  String consentingAccount() {
    String chosen = consentingAccount;
    return chosen != null ? chosen : locations.get().getFirst();
  }

  /**
   * Who approves on the consent page: any location of the company (the first one by default, so a
   * location-level install) or the company id (an agency install).
   */
  public void consentAs(String accountId) {
    requireKnown(accountId);
    this.consentingAccount = accountId;
  }

  /**
   * The user approved the app for a location or company: returns the one-time code the marketplace
   * would append to {@code redirectUri}.
   */
  public String authorize(
      String forClientId, String redirectUri, String accountId, Set<String> scopes) {
    requireKnown(accountId);
    if (!clientId.equals(forClientId)) {
      throw new IllegalArgumentException("unknown client id " + forClientId);
    }
    boolean company = accountId.equals(companyId);
    OAuthGrants.Grant grant =
        new OAuthGrants.Grant(
            company ? "Company" : "Location", accountId, companyId, scopes, userId);
    return grants.newCode(grant, forClientId, redirectUri);
  }

  /** Revokes every token issued so far for the location or company, as an uninstall would. */
  public void revoke(String accountId) {
    grants.revoke(accountId, accountId.equals(companyId));
  }

  /**
   * Records an install whose code was exchanged: a location install for its location, a company
   * install for every location the company has now ({@code installToFutureLocations} is false, so
   * locations added later do not get the app).
   */
  void installed(OAuthGrants.Grant grant) {
    grants.install(grant.company() ? locations() : List.of(grant.accountId()));
  }

  /**
   * The account's access tokens issued so far expire now, as when a day has passed: the API answers
   * {@value #INVALID_JWT} to them, and clients must refresh (once, with the single-use refresh
   * token) to go on.
   */
  public void expireAccessTokens(String accountId) {
    requireKnown(accountId);
    grants.expireAccessTokens(accountId);
  }

  /** Successful refresh-token grants for the account so far. */
  public int refreshes(String accountId) {
    return grants.refreshes(accountId);
  }

  /** Successful refresh-token grants for all accounts so far. */
  public int totalRefreshes() {
    return grants.totalRefreshes();
  }

  /** Refresh tokens presented again after they were used: zero when clients behave. */
  public int reuseAttempts() {
    return grants.reuseAttempts();
  }

  /**
   * Whether the app is installed on the location: a location install for it, or a company install
   * made while the location existed, whose code was exchanged and which no {@link #revoke} undid.
   */
  public boolean installedOn(String locationId) {
    return grants.installed(locationId);
  }

  /**
   * Who the {@code Authorization} header's OAuth access token speaks for; empty unless it is a
   * valid (issued, unexpired, unrevoked) access token.
   */
  public Optional<OAuthAccess> access(String authorization) {
    if (!authorization.startsWith("Bearer ")) {
      return Optional.empty();
    }
    return switch (grants.check(authorization.substring("Bearer ".length()))) {
      case OAuthGrants.Access.Valid valid ->
          Optional.of(
              new OAuthAccess(
                  valid.grant().company(),
                  valid.grant().accountId(),
                  valid.grant().companyId(),
                  valid.grant().scopes()));
      case OAuthGrants.Access.Expired expired -> Optional.empty();
      case OAuthGrants.Access.Revoked revoked -> Optional.empty();
      case OAuthGrants.Access.Unknown unknown -> Optional.empty();
    };
  }

  /** Location tokens minted through {@code /oauth/locationToken}. */
  public int locationTokensMinted() {
    return grants.locationTokensMinted();
  }

  /**
   * Why a location endpoint refuses this {@code Authorization} header, or empty when it is a valid
   * location access token (of any location: which location it may reach is checked by the caller).
   */
  public Optional<String> rejection(String authorization) {
    if (!authorization.startsWith("Bearer ")) {
      return Optional.of("Invalid token: access token is invalid");
    }
    return switch (grants.check(authorization.substring("Bearer ".length()))) {
      case OAuthGrants.Access.Valid valid ->
          valid.grant().company()
              ? Optional.of(
                  "This authClass type is not allowed to access this scope. Please verify your"
                      + " IAM configuration if this is not the case.")
              : Optional.empty();
      case OAuthGrants.Access.Expired expired -> Optional.of(INVALID_JWT);
      case OAuthGrants.Access.Revoked revoked -> Optional.of(INVALID_JWT);
      case OAuthGrants.Access.Unknown unknown ->
          Optional.of("Invalid token: access token is invalid");
    };
  }

  private void requireKnown(String accountId) {
    if (!hasLocation(accountId) && !accountId.equals(companyId)) {
      throw new IllegalArgumentException(
          "the emulator knows locations " + locations() + " and company " + companyId);
    }
  }
}
