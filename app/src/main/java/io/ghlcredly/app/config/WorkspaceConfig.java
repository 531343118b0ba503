package io.ghlcredly.app.config;

import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.WorkspaceId;
import java.util.List;
import java.util.Objects;

/**
 * One workspace (YAML {@code workspaces[]}): the GHL locations whose contacts it serves, the Credly
 * organization it issues from and the rules, with their mapping, it runs.
 *
 * @param id the workspace's id
 * @param name what people call it (an academy's name)
 * @param locations the locations the file assigns to it; more may be assigned in the browser
 * @param credly its Credly organization, credentials and concurrency
 * @param rules its rules and mapping
 * @param implicit whether it is the one workspace of a file without {@code workspaces:}: it then
 *     serves every location no other workspace holds
 */
public record WorkspaceConfig(
    WorkspaceId id,
    String name,
    List<String> locations,
    CredlyConfig credly,
    RuleSet rules,
    boolean implicit) {
  /** The name of the implicit workspace. */
  public static final String DEFAULT_NAME = "Default workspace";

  public WorkspaceConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(credly, "credly");
    Objects.requireNonNull(rules, "rules");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    locations = List.copyOf(locations);
  }

  /** The one workspace of a file without {@code workspaces:}: every location, these rules. */
  public static WorkspaceConfig implicit(CredlyConfig credly, RuleSet rules) {
    return new WorkspaceConfig(WorkspaceId.DEFAULT, DEFAULT_NAME, List.of(), credly, rules, true);
  }

  /** The YAML path of this workspace's section, for messages ({@code workspaces[1]}, or none). */
  public String pathPrefix(int index) {
    return implicit ? "" : "workspaces[" + index + "].";
  }
}
