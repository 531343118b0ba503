package io.ghlcredly.app.config;

import io.ghlcredly.core.error.ConfigException;
import io.ghlcredly.core.model.WorkspaceId;

/** A workspace id given on the command line ({@code --workspace}), checked with a clear error. */
public final class WorkspaceArgument {
  private WorkspaceArgument() {}

  /** The id, or a {@link ConfigException} naming {@code --workspace} and what an id looks like. */
  public static WorkspaceId parse(String text) {
    if (!WorkspaceId.isValid(text)) {
      throw new ConfigException(
          "--workspace",
          "must be a workspace id (lower-case letters, digits and dashes), got '" + text + "'");
    }
    return new WorkspaceId(text);
  }
}
