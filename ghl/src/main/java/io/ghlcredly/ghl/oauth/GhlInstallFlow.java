package io.ghlcredly.ghl.oauth;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.port.OAuthStateStore;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.AccountType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marketplace install: {@link #start(String)} gives the choose-location URL with a new random
 * {@code state} (kept server-side, valid once, for a limited time); {@link #complete} checks the
 * state, exchanges the code and stores the tokens encrypted. A company (agency) install also
 * exchanges the company token for a token of each approved location (limited to the configured
 * locations, when set); every exchange happens before anything is stored, so a failed install
 * stores nothing. Thread-safe.
 */
public final class GhlInstallFlow {
  /** How long a started install may take before its state is refused. */
  public static final Duration DEFAULT_STATE_TTL = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(GhlInstallFlow.class);

  private final GhlOAuthClient client;
  private final TokenStore tokens;
  private final OAuthStateStore states;
  private final InstantSource clock;
  private final SecureRandom random;
  private final Duration stateTtl;

  public GhlInstallFlow(
      GhlOAuthClient client,
      TokenStore tokens,
      OAuthStateStore states,
      InstantSource clock,
      SecureRandom random,
      Duration stateTtl) {
    this.client = client;
    this.tokens = tokens;
    this.states = states;
    this.clock = clock;
    this.random = random;
    this.stateTtl = stateTtl;
  }

  /**
   * Starts an install: the URL to redirect the user's browser to. The state is stored bound to
   * {@code binding}, a secret the starting browser keeps (a cookie): the callback completes only
   * with the same binding, so a consent link passed to someone else installs nothing.
   */
  public URI start(String binding) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    states.deleteExpired(now);
    states.save(bound(state, binding), now.plus(stateTtl));
    GhlOAuthSettings settings = client.settings();
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("redirect_uri", settings.redirectUri().toString());
    query.put("client_id", settings.clientId());
    query.put("scope", String.join(" ", settings.scopes().stream().sorted().toList()));
    query.put("state", state);
    StringJoiner joined = new StringJoiner("&");
    query.forEach((name, value) -> joined.add(name + "=" + encode(value)));
    return URI.create(settings.authorizeUrl() + "?" + joined);
  }

  /**
   * Finishes an install from the callback's {@code code} and {@code state}, in the browser holding
   * the {@code binding} the install started with.
   */
  public InstallResult complete(
      @Nullable String code, @Nullable String state, @Nullable String binding) {
    if (state == null || state.isBlank()) {
      return new InstallResult.Refused("missing state");
    }
    if (binding == null || binding.isBlank()) {
      return new InstallResult.Refused(
          "this browser did not start the install: start it from the dashboard, signed in as an"
              + " admin, in this browser");
    }
    if (!states.consume(bound(state, binding), clock.instant())) {
      return new InstallResult.Refused(
          "unknown, expired or already used state, or another browser started the install");
    }
    if (code == null || code.isBlank()) {
      return new InstallResult.Refused("missing code");
    }
    List<GhlTokenGrant> grants;
    try {
      grants = exchange(code);
    } catch (ApiException e) {
      log.atWarn().addKeyValue("status", e.status()).log("install exchange failed");
      return new InstallResult.ProviderFailed(
          "HighLevel refused the install ("
              + (e.status() == 0 ? "no response" : "HTTP " + e.status())
              + ")"
              + e.providerMessage().map(message -> ": " + message).orElse(""));
    }
    List<AccountKey> stored = new ArrayList<>();
    for (GhlTokenGrant grant : grants) {
      tokens.saveInstalled(grant.account(), grant.tokens().toTokenSet(), grant.companyId());
      stored.add(grant.account());
    }
    log.atInfo().addKeyValue("accounts", stored).log("app installed");
    return new InstallResult.Installed(stored, grants.get(0).tokens().scopes());
  }

  /** The code's grant and, for a company, the minted location grants after it. */
  private List<GhlTokenGrant> exchange(String code) {
    GhlTokenGrant first = client.exchangeCode(code);
    List<GhlTokenGrant> grants = new ArrayList<>(List.of(first));
    if (first.userType() == AccountType.COMPANY) {
      String companyId = first.account().id();
      for (String locationId : locationsToMint(first)) {
        grants.add(client.locationToken(first.tokens().accessToken(), companyId, locationId));
      }
    }
    return grants;
  }

  private List<String> locationsToMint(GhlTokenGrant company) {
    List<String> allowed = List.copyOf(client.settings().locations());
    if (company.approvedLocations().isEmpty()) {
      return allowed;
    }
    if (allowed.isEmpty()) {
      return company.approvedLocations();
    }
    return company.approvedLocations().stream().filter(allowed::contains).toList();
  }

  /** The stored form of a state: usable only together with the binding it was started with. */
  private static String bound(String state, String binding) {
    return state + "." + binding;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
