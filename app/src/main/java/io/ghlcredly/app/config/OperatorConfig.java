package io.ghlcredly.app.config;

import java.util.Objects;

/**
 * What operator commands need to reach our own data, wherever it lives: the database ({@code
 * storage}), a running service of this configuration and its admin token ({@code server}), and the
 * data folder ({@code secrets.key-file}). Loaded by {@link ConfigLoader#loadOperatorConfig} without
 * the GHL and Credly sections, so commands that read only our own data need none of their secrets.
 */
public record OperatorConfig(ServerConfig server, StorageConfig storage, SecretsConfig secrets) {
  public OperatorConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(secrets, "secrets");
  }
}
