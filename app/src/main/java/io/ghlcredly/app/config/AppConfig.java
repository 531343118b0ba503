package io.ghlcredly.app.config;

import io.ghlcredly.core.mapping.RuleSet;
import java.util.Objects;

/**
 * The whole configuration of one instance, as read by {@link ConfigLoader}. Immutable; its {@code
 * toString()} shows no secret.
 */
public record AppConfig(
    ServerConfig server,
    StorageConfig storage,
    SecretsConfig secrets,
    GhlConfig ghl,
    CredlyConfig credly,
    JobsConfig jobs,
    RuleSet rules) {
  public AppConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(ghl, "ghl");
    Objects.requireNonNull(credly, "credly");
    Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(rules, "rules");
  }

  /** The part of the configuration operator commands need to reach our own data. */
  public OperatorConfig operatorConfig() {
    return new OperatorConfig(server, storage, secrets);
  }
}
