package io.ghlcredly.app.workspace;

import io.ghlcredly.app.metrics.ReadinessCheck;
import io.ghlcredly.core.model.WorkspaceId;
import java.util.Optional;

/**
 * Readiness of one workspace ({@code workspace:<id>}), named in {@code /health/ready}; not
 * critical: one academy's problem leaves the service ready for the others.
 */
public final class WorkspaceCheck implements ReadinessCheck {
  private final WorkspaceHealth health;
  private final WorkspaceId workspace;

  public WorkspaceCheck(WorkspaceHealth health, WorkspaceId workspace) {
    this.health = health;
    this.workspace = workspace;
  }

  @Override
  public String name() {
    return "workspace:" + workspace;
  }

  @Override
  public Optional<String> problem() {
    return health
        .status(workspace)
        .filter(status -> !status.ok())
        .map(status -> status.workspace().name() + ": " + String.join("; ", status.problems()));
  }

  @Override
  public boolean critical() {
    return false;
  }
}
