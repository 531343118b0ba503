package io.ghlcredly.app.cli;

import io.ghlcredly.core.port.ContactDirectory;
import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.core.port.CursorStore;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.sync.ContactPlanner;
import io.ghlcredly.core.sync.EventIntake;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;

/** What the import and plan commands need from the application; closing stops what was started. */
interface SyncServices extends AutoCloseable {
  ContactDirectory directory();

  ContactPlanner planner();

  EventIntake intake();

  CursorStore cursors();

  EventInbox inbox();

  CrmGateway crm();

  InstantSource clock();

  /**
   * The location used without {@code --location} (see {@link
   * io.ghlcredly.app.operations.DefaultLocation}); null if none.
   */
  @Nullable String defaultLocation();

  @Override
  void close();

  /** Starts the services for a command. */
  @FunctionalInterface
  interface Opener {
    /**
     * Opens the services.
     *
     * @param workers whether the job workers run (an import applies what it queues); without them
     *     nothing is written by the engine
     */
    SyncServices open(ConfigFile configFile, boolean workers);
  }
}
