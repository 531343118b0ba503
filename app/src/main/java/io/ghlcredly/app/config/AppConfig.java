package io.ghlcredly.app.config;

import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.WorkspaceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration of one instance, as read by {@link ConfigLoader}. Immutable; its {@code
 * toString()} shows no secret.
 */
public record AppConfig(
    ServerConfig server,
    StorageConfig storage,
    SecretsConfig secrets,
    GhlConfig ghl,
    JobsConfig jobs,
    List<WorkspaceConfig> workspaces) {
  public AppConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(ghl, "ghl");
    Objects.requireNonNull(jobs, "jobs");
    workspaces = List.copyOf(workspaces);
    if (workspaces.isEmpty()) {
      throw new IllegalArgumentException("at least one workspace (the implicit one) is needed");
    }
  }

  /** A configuration of one implicit workspace: the form written before workspaces existed. */
  public AppConfig(
      ServerConfig server,
      StorageConfig storage,
      SecretsConfig secrets,
      GhlConfig ghl,
      CredlyConfig credly,
      JobsConfig jobs,
      RuleSet rules) {
    this(server, storage, secrets, ghl, jobs, List.of(WorkspaceConfig.implicit(credly, rules)));
  }

  /** Whether the file has no {@code workspaces:} section: one workspace serves every location. */
  public boolean implicitWorkspace() {
    return workspaces.size() == 1 && workspaces.get(0).implicit();
  }

  /** The workspace with this id, if the file defines it. */
  public Optional<WorkspaceConfig> workspace(WorkspaceId id) {
    return workspaces.stream().filter(workspace -> workspace.id().equals(id)).findFirst();
  }

  /**
   * The Credly connection of the only workspace. Callers that serve several workspaces use {@link
   * #workspaces()}; this one refuses to guess among several.
   *
   * @throws IllegalStateException when the file defines several workspaces
   */
  public CredlyConfig credly() {
    return only().credly();
  }

  /**
   * The rules of the only workspace.
   *
   * @throws IllegalStateException when the file defines several workspaces
   */
  public RuleSet rules() {
    return only().rules();
  }

  private WorkspaceConfig only() {
    if (workspaces.size() != 1) {
      throw new IllegalStateException(
          "the configuration defines " + workspaces.size() + " workspaces: name one");
    }
    return workspaces.get(0);
  }

  /** The part of the configuration operator commands need to reach our own data. */
  public OperatorConfig operatorConfig() {
    return new OperatorConfig(server, storage, secrets);
  }
}
