package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.LocationId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which workspace's engine applies a contact's events: the one serving the contact's location now,
 * or, for a contact known only from a Credly event, the one of that Credly organization.
 * Implementations read assignments that an admin may change while the service runs, so each job
 * asks again. Thread-safe.
 */
public interface WorkspaceEngines {
  /** The engine of the workspace serving the location now, or why none does. */
  Resolution forLocation(LocationId location);

  /**
   * The engine of the workspace issuing from this Credly organization; null names the only
   * workspace, when there is only one.
   */
  Resolution forOrganization(@Nullable String organization);

  /** A workspace's engine, or the reason no workspace may apply the events. */
  record Resolution(@Nullable WorkspaceEngine engine, String reason) {
    /** Served by this engine. */
    public static Resolution served(WorkspaceEngine engine) {
      return new Resolution(engine, "");
    }

    /** Served by no workspace, for this reason (said in logs and on the dashboard). */
    public static Resolution unserved(String reason) {
      return new Resolution(null, reason);
    }

    public Optional<WorkspaceEngine> found() {
      return Optional.ofNullable(engine);
    }
  }

  /** One engine for every location and organization: a deployment of one workspace. */
  static WorkspaceEngines single(WorkspaceEngine engine) {
    return new WorkspaceEngines() {
      @Override
      public Resolution forLocation(LocationId location) {
        return Resolution.served(engine);
      }

      @Override
      public Resolution forOrganization(@Nullable String organization) {
        return engine.ownsOrganization(organization)
            ? Resolution.served(engine)
            : Resolution.unserved("Credly organization " + organization + " is in no workspace");
      }
    };
  }
}
