package io.ghlcredly.app.workspace;

import io.ghlcredly.app.metrics.WorkspaceLabels;
import io.ghlcredly.core.model.SyncEvent;

/**
 * Metric labels from the directory: a GHL event's location's workspace, a Credly event's
 * organization's workspace, else {@code none}.
 */
public final class DirectoryLabels implements WorkspaceLabels {
  private final WorkspaceDirectory directory;

  public DirectoryLabels(WorkspaceDirectory directory) {
    this.directory = directory;
  }

  @Override
  public String of(SyncEvent event) {
    if (event instanceof SyncEvent.ContactEvent contact) {
      return directory.labelOf(contact.locationId());
    }
    if (event instanceof SyncEvent.BadgeChanged badge && badge.organizationId() != null) {
      return directory
          .ofOrganization(badge.organizationId())
          .map(Object::toString)
          .orElse(UNASSIGNED);
    }
    return directory.implicit() ? "default" : UNASSIGNED;
  }
}
