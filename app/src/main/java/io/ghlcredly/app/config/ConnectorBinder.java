package io.ghlcredly.app.config;

import io.ghlcredly.app.config.CredlyConfig.Environment;
import io.ghlcredly.app.config.CredlyConfig.Records;
import io.ghlcredly.app.config.GhlConfig.AuthMode;
import io.ghlcredly.core.model.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Binds {@code ghl} (with {@code ghl.webhooks}) and {@code credly}. */
final class ConnectorBinder {
  private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  static final Pattern LOCATION_ID = Pattern.compile("[A-Za-z0-9_-]+");
  private static final List<String> OAUTH_KEYS =
      List.of("client-id", "client-secret", "authorize-url");
  private static final List<String> TOKEN_KEYS = List.of("private-token", PrivateTokenLocation.KEY);

  private ConnectorBinder() {}

  static @Nullable GhlConfig ghl(Section ghl, Section auth, @Nullable AuthMode mode) {
    int before = ghl.context().problemCount();
    Secret privateToken = null;
    String clientId = null;
    Secret clientSecret = null;
    URI authorizeUrl = GhlConfig.DEFAULT_AUTHORIZE_URL;
    if (mode == AuthMode.PRIVATE_TOKEN) {
      privateToken = auth.requiredSecret("private-token");
      refuseUnused(auth, OAUTH_KEYS, "oauth");
    } else if (mode == AuthMode.OAUTH) {
      clientId = auth.requiredText("client-id", " (from the GHL marketplace app)");
      clientSecret = auth.requiredSecret("client-secret");
      authorizeUrl = Objects.requireNonNullElse(auth.url("authorize-url"), authorizeUrl);
      refuseUnused(auth, TOKEN_KEYS, "private-token");
    } else {
      // The mode is missing or invalid (already reported): still read the keys, so they count
      // as known and their overrides are consulted.
      OAUTH_KEYS.forEach(key -> auth.present(key));
      TOKEN_KEYS.forEach(key -> auth.present(key));
      List.of("client-secret-file", "private-token-file").forEach(key -> auth.present(key));
    }
    String apiVersion = ghl.text("api-version", GhlConfig.DEFAULT_API_VERSION);
    if (!API_VERSION.matcher(apiVersion).matches()) {
      ghl.problem("api-version", "must be a date such as 2021-07-28, got '" + apiVersion + "'");
    }
    URI baseUrl = Objects.requireNonNullElse(ghl.url("base-url"), GhlConfig.DEFAULT_BASE_URL);
    List<String> locations = locations(ghl);
    String tokenLocation =
        mode == AuthMode.PRIVATE_TOKEN ? PrivateTokenLocation.bind(auth, ghl, locations) : null;
    WebhookConfig webhooks = webhooks(ghl.child("webhooks"));
    GhlConfig.Reconcile reconcile = reconcile(ghl.child("reconcile"));
    if (mode == null || webhooks == null || reconcile == null) {
      return null;
    }
    Secret token = privateToken;
    String id = clientId;
    Secret secret = clientSecret;
    URI consentUrl = authorizeUrl;
    return ConfigBinder.build(
        ghl,
        before,
        () ->
            new GhlConfig(
                mode,
                token,
                tokenLocation,
                id,
                secret,
                apiVersion,
                baseUrl,
                locations,
                webhooks,
                consentUrl,
                reconcile));
  }

  private static GhlConfig.@Nullable Reconcile reconcile(Section section) {
    int before = section.context().problemCount();
    boolean enabled = section.bool("enabled", true);
    Duration every =
        section.duration(
            "every", GhlConfig.Reconcile.DEFAULT_EVERY, Duration.ofSeconds(1), Duration.ofDays(1));
    Duration lookback =
        section.duration(
            "lookback", GhlConfig.Reconcile.DEFAULT_LOOKBACK, Duration.ZERO, Duration.ofDays(30));
    double share = section.share("budget-share", GhlConfig.Reconcile.DEFAULT_BUDGET_SHARE);
    return ConfigBinder.build(
        section, before, () -> new GhlConfig.Reconcile(enabled, every, lookback, share));
  }

  /** Keys of the other mode are refused: a value that silently does nothing misleads. */
  private static void refuseUnused(Section auth, List<String> keys, String mode) {
    for (String key : keys) {
      for (String written : List.of(key, key + "-file")) {
        if (auth.present(written)) {
          auth.problem(written, "is only used when mode is " + mode);
        }
      }
    }
  }

  private static List<String> locations(Section ghl) {
    List<String> locations = ghl.texts("locations");
    Set<String> seen = new HashSet<>();
    for (int index = 0; index < locations.size(); index++) {
      String location = locations.get(index);
      String path = "locations[" + index + "]";
      if (!LOCATION_ID.matcher(location).matches()) {
        ghl.problem(path, "must be a GHL location id, got '" + location + "'");
      } else if (!seen.add(location)) {
        ghl.problem(path, "duplicate location id '" + location + "'");
      }
    }
    return locations;
  }

  private static @Nullable WebhookConfig webhooks(Section section) {
    int before = section.context().problemCount();
    Duration maxAge =
        section.duration(
            "max-age", WebhookConfig.DEFAULT_MAX_AGE, Duration.ofSeconds(1), Duration.ofDays(1));
    List<String> ed25519 = publicKeys(section, "ed25519-public-keys", "Ed25519");
    List<String> rsa = publicKeys(section, "rsa-public-keys", "RSA");
    boolean acceptLegacyRsa = section.bool("accept-legacy-rsa", true);
    if (!acceptLegacyRsa && !rsa.isEmpty()) {
      section.problem("rsa-public-keys", "are not used when accept-legacy-rsa is false");
    }
    if (section.raw("public-keys") != null) {
      section.problem(
          "public-keys",
          "unknown key: use ed25519-public-keys (x-ghl-signature)"
              + " or rsa-public-keys (legacy x-wh-signature)");
    }
    return ConfigBinder.build(
        section, before, () -> new WebhookConfig(maxAge, ed25519, rsa, acceptLegacyRsa));
  }

  private static List<String> publicKeys(Section section, String key, String algorithm) {
    List<String> keys = new ArrayList<>();
    List<String> texts = section.texts(key);
    for (int index = 0; index < texts.size(); index++) {
      String problem = PublicKeys.problem(texts.get(index), algorithm);
      if (problem != null) {
        section.problem(key + "[" + index + "]", problem);
      }
      keys.add(texts.get(index).strip() + "\n");
    }
    return keys;
  }

  /** The example's all-zero organization id, which no real organization has. */
  static final String PLACEHOLDER_ORGANIZATION = "00000000-0000-0000-0000-000000000000";

  static @Nullable CredlyConfig credly(Section section) {
    int before = section.context().problemCount();
    Environment environment = section.choice("environment", Environment.class, null);
    URI baseUrl = section.url("base-url");
    String organizationId =
        section.requiredText("organization-id", " (the issuing organization's UUID)");
    if (!organizationId.isEmpty() && !CredlyConfig.UUID.matcher(organizationId).matches()) {
      section.problem("organization-id", "must be a UUID, got '" + organizationId + "'");
    } else if (PLACEHOLDER_ORGANIZATION.equals(organizationId)) {
      section.problem(
          "organization-id",
          "is the example's placeholder: set your organization's id, Credly: Settings >"
              + " Organization");
    }
    CredlyAuthKeys auth = credlyAuth(section.child("auth"));
    Duration timeout =
        section.duration(
            "timeout", CredlyConfig.DEFAULT_TIMEOUT, Duration.ofSeconds(1), Duration.ofMinutes(5));
    int maxConcurrency =
        section.integer("max-concurrency", CredlyConfig.DEFAULT_MAX_CONCURRENCY, 1, 64);
    Records records = section.choice("records", Records.class, Records.NONE);
    if (environment == null
        || records == null
        || (auth.token == null && auth.clientSecret == null)) {
      return null;
    }
    String organization = organizationId.toLowerCase(Locale.ROOT);
    return ConfigBinder.build(
        section,
        before,
        () ->
            new CredlyConfig(
                environment,
                baseUrl,
                organization,
                auth.token,
                auth.clientId,
                auth.clientSecret,
                auth.tokenUrl,
                auth.tokenExpiresAt,
                timeout,
                maxConcurrency,
                records));
  }

  /** What {@code credly.auth} holds: a token, or OAuth client credentials. */
  private record CredlyAuthKeys(
      @Nullable Secret token,
      @Nullable String clientId,
      @Nullable Secret clientSecret,
      @Nullable URI tokenUrl,
      @Nullable Instant tokenExpiresAt) {}

  private static CredlyAuthKeys credlyAuth(Section auth) {
    // Every key is read in every case, so each one counts as known and its override is consulted.
    boolean hasClientId = auth.present("client-id");
    boolean hasClientSecret = auth.present("client-secret");
    boolean hasClientSecretFile = auth.present("client-secret-file");
    boolean hasToken = auth.present("token");
    boolean hasTokenFile = auth.present("token-file");
    boolean oauth = hasClientId || hasClientSecret || hasClientSecretFile;
    boolean token = hasToken || hasTokenFile;
    URI tokenUrl = auth.url("token-url");
    Instant expiresAt = instant(auth, "token-expires-at");
    if (oauth && token) {
      auth.problem(
          "token",
          "set either token (organization token) or client-id and client-secret"
              + " (OAuth client credentials), not both");
      return new CredlyAuthKeys(null, null, null, null, null);
    }
    if (oauth) {
      String clientId =
          auth.requiredText("client-id", " (the OAuth application's client id, from Credly)");
      Secret clientSecret = auth.requiredSecret("client-secret");
      return new CredlyAuthKeys(null, clientId, clientSecret, tokenUrl, expiresAt);
    }
    if (tokenUrl != null) {
      auth.problem("token-url", "is only used with client-id and client-secret");
    }
    return new CredlyAuthKeys(auth.requiredSecret("token"), null, null, null, expiresAt);
  }

  /** A date ({@code 2026-09-30}, start of that day UTC) or an ISO-8601 timestamp with offset. */
  private static @Nullable Instant instant(Section section, String key) {
    String text = section.text(key);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notDate) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notTimestamp) {
        section.problem(
            key,
            "must be a date such as 2026-09-30 or a timestamp such as 2026-09-30T12:00:00Z, got '"
                + text
                + "'");
        return null;
      }
    }
  }
}
