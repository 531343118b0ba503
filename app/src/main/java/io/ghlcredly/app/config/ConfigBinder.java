package io.ghlcredly.app.config;

import io.ghlcredly.app.config.CredlyConfig.Records;
import io.ghlcredly.app.config.GhlConfig.AuthMode;
import io.ghlcredly.core.mapping.ContactMapping;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.template.Templates;
import io.ghlcredly.storage.DatabaseSettings;
import io.ghlcredly.storage.Dialect;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Binds the YAML tree to the records: the top level, {@code server}, {@code storage}, {@code
 * secrets} and {@code jobs}. The connectors are in {@link ConnectorBinder}, rules in {@link
 * RulesBinder}. Each section is read in full even after a problem, so one run reports them all.
 */
final class ConfigBinder {
  private ConfigBinder() {}

  /** The configuration, or null when problems were reported. */
  static @Nullable AppConfig bind(Section root) {
    Section ghlSection = root.child("ghl");
    Section auth = ghlSection.child("auth");
    AuthMode mode = auth.choice("mode", AuthMode.class, null);
    ServerConfig server = server(root.child("server"), mode);
    StorageConfig storage = storage(root.child("storage"));
    SecretsConfig secrets = secrets(root.child("secrets"));
    GhlConfig ghl = ConnectorBinder.ghl(ghlSection, auth, mode);
    JobsConfig jobs = jobs(root.child("jobs"));
    List<WorkspaceConfig> workspaces = workspaces(root, ghl);
    if (root.context().hasProblems()
        || server == null
        || storage == null
        || secrets == null
        || ghl == null
        || workspaces == null
        || jobs == null) {
      return null;
    }
    return new AppConfig(server, storage, secrets, ghl, jobs, workspaces);
  }

  /**
   * The {@code workspaces:} section, or without one the implicit workspace of the top-level {@code
   * credly}, {@code mapping} and {@code rules}: files written before workspaces stay valid.
   */
  private static @Nullable List<WorkspaceConfig> workspaces(Section root, @Nullable GhlConfig ghl) {
    if (WorkspacesBinder.present(root)) {
      return WorkspacesBinder.bind(root, ghl);
    }
    CredlyConfig credly = ConnectorBinder.credly(root.child("credly"));
    RuleSet rules = rules(root, credly);
    return credly == null ? null : List.of(WorkspaceConfig.implicit(credly, rules));
  }

  /** The top-level keys {@link #bindOperator} leaves unread. */
  private static final List<String> CONNECTOR_AND_RULE_KEYS =
      List.of("ghl", "credly", "jobs", "mapping", "rules", WorkspacesBinder.KEY);

  /**
   * Only {@code server}, {@code storage} and {@code secrets}; the other sections are not read at
   * all (so their {@code ${…}} references and secrets need not be set), only known as keys.
   *
   * @return the settings, or null when problems were reported
   */
  static @Nullable OperatorConfig bindOperator(Section root) {
    ServerConfig server = server(root.child("server"), null);
    StorageConfig storage = storage(root.child("storage"));
    SecretsConfig secrets = secrets(root.child("secrets"));
    CONNECTOR_AND_RULE_KEYS.forEach(root::markKnown);
    if (root.context().hasProblems() || server == null || storage == null || secrets == null) {
      return null;
    }
    return new OperatorConfig(server, storage, secrets);
  }

  /**
   * {@code mapping} and {@code rules} of the top level or of one workspace: the templates of both
   * share the lookup tables.
   */
  static RuleSet rules(Section root, @Nullable CredlyConfig credly) {
    // Templates are no settings to override from the environment: the file is their one source.
    Section mapping = root.dataChild("mapping");
    Map<String, Map<String, String>> lookups = MappingBinder.lookups(mapping);
    TemplateReader templates = new TemplateReader(() -> Templates.compiler(lookups));
    Records records = credly == null ? null : credly.records();
    ContactMapping contactMapping = MappingBinder.bind(mapping, templates, records);
    // Written but invalid still counts as mapped: its own problem is reported already.
    boolean statusMapped = mapping.present("status");
    return RulesBinder.bind(
        root, contactMapping, new RuleContext(templates, records, statusMapped));
  }

  private static @Nullable ServerConfig server(Section section, @Nullable AuthMode mode) {
    int before = section.context().problemCount();
    int port = section.integer("port", ServerConfig.DEFAULT_PORT, 1, 65_535);
    String host = section.host("host", ServerConfig.DEFAULT_HOST);
    Integer managementPort = section.optionalInteger("management-port", 1, 65_535);
    if (managementPort != null && managementPort == port) {
      section.problem(
          "management-port",
          "must differ from server.port ("
              + port
              + "): leave it out to serve the admin API, dashboard and metrics on server.port");
    }
    int beforeUrl = section.context().problemCount();
    URI publicUrl = section.url("public-url");
    if (publicUrl == null
        && mode == AuthMode.OAUTH
        && section.context().problemCount() == beforeUrl) {
      section.problem(
          "public-url",
          "is required when ghl.auth.mode is oauth (GHL sends installs and webhooks there)");
    }
    Secret adminToken = section.secret("admin-token");
    String weakness = adminToken == null ? null : AdminTokenStrength.weakness(adminToken.reveal());
    if (weakness != null) {
      section.problem("admin-token", weakness);
    }
    String instanceName = section.text("instance-name");
    if (instanceName != null && !ServerConfig.INSTANCE_NAME.matcher(instanceName).matches()) {
      section.problem(
          "instance-name",
          "must be 1 to 64 letters, digits, '.', '_' or '-', got '" + instanceName + "'");
    }
    long maxWebhookBytes =
        section.bytes(
            "max-webhook-bytes", ServerConfig.DEFAULT_MAX_WEBHOOK_BYTES, 1024, 64L * 1024 * 1024);
    return build(
        section,
        before,
        () ->
            new ServerConfig(
                port, host, managementPort, publicUrl, adminToken, maxWebhookBytes, instanceName));
  }

  private static @Nullable StorageConfig storage(Section section) {
    int before = section.context().problemCount();
    String url = section.text("url", StorageConfig.DEFAULT_URL);
    if (!url.startsWith("jdbc:")) {
      // The value is not echoed: a JDBC URL may carry a password.
      section.problem("url", "must be a JDBC URL such as jdbc:h2:file:... or jdbc:postgresql:...");
    } else {
      try {
        Dialect.fromJdbcUrl(url); // names the scheme only, never the rest of the URL
        DatabaseSettings.urlProblem(url).ifPresent(problem -> section.problem("url", problem));
      } catch (IllegalArgumentException unsupported) {
        section.problem("url", String.valueOf(unsupported.getMessage()));
      }
    }
    String username = section.text("username");
    Secret password = section.secret("password");
    int maxPoolSize = section.integer("max-pool-size", StorageConfig.DEFAULT_MAX_POOL_SIZE, 1, 200);
    return build(section, before, () -> new StorageConfig(url, username, password, maxPoolSize));
  }

  private static @Nullable SecretsConfig secrets(Section section) {
    int before = section.context().problemCount();
    Path keyFile = section.path("key-file", SecretsConfig.DEFAULT_KEY_FILE);
    // "key-from-env:" with no value turns the variable off; leaving the key out keeps the default.
    String keyFromEnv =
        section.cleared("key-from-env")
            ? null
            : section.text("key-from-env", SecretsConfig.DEFAULT_KEY_FROM_ENV);
    if (keyFromEnv != null && !SecretsConfig.VARIABLE_NAME.matcher(keyFromEnv).matches()) {
      section.problem(
          "key-from-env", "must be an environment variable name, got '" + keyFromEnv + "'");
    }
    return build(section, before, () -> new SecretsConfig(keyFile, keyFromEnv));
  }

  private static @Nullable JobsConfig jobs(Section section) {
    int before = section.context().problemCount();
    int workers = section.integer("workers", JobsConfig.DEFAULT_WORKERS, 1, 64);
    int maxAttempts = section.integer("max-attempts", JobsConfig.DEFAULT_MAX_ATTEMPTS, 1, 100);
    Duration initialBackoff =
        section.duration(
            "initial-backoff",
            JobsConfig.DEFAULT_INITIAL_BACKOFF,
            Duration.ofMillis(100),
            Duration.ofDays(1));
    Duration maxBackoff =
        section.duration(
            "max-backoff",
            JobsConfig.DEFAULT_MAX_BACKOFF,
            Duration.ofMillis(100),
            Duration.ofDays(7));
    Duration heartbeat =
        section.duration(
            "heartbeat",
            JobsConfig.DEFAULT_HEARTBEAT,
            Duration.ofMillis(100),
            Duration.ofMinutes(5));
    int missedHeartbeats =
        section.integer(
            "missed-heartbeats",
            JobsConfig.DEFAULT_MISSED_HEARTBEATS,
            JobsConfig.MIN_MISSED_HEARTBEATS,
            1_000);
    Duration settle =
        section.duration("settle", JobsConfig.DEFAULT_SETTLE, Duration.ZERO, JobsConfig.MAX_SETTLE);
    if (section.context().problemCount() == before && maxBackoff.compareTo(initialBackoff) < 0) {
      section.problem(
          "max-backoff",
          "must not be shorter than initial-backoff ("
              + DurationText.format(initialBackoff)
              + "), got '"
              + DurationText.format(maxBackoff)
              + "'");
    }
    return build(
        section,
        before,
        () ->
            new JobsConfig(
                workers,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                heartbeat,
                missedHeartbeats,
                settle));
  }

  /**
   * The record when the section had no problem since {@code before}. The records check their
   * invariants again; a violation the readers missed is still reported, at the section's path.
   */
  static <T> @Nullable T build(Section section, int before, Supplier<T> factory) {
    if (section.context().problemCount() > before) {
      return null;
    }
    try {
      return factory.get();
    } catch (IllegalArgumentException e) {
      section.context().problem(section.path(), String.valueOf(e.getMessage()));
      return null;
    }
  }
}
