package io.ghlcredly.app.cli;

import io.ghlcredly.app.Application;
import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.operations.DefaultLocation;
import io.ghlcredly.core.port.ContactDirectory;
import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.core.port.CursorStore;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.sync.ContactPlanner;
import io.ghlcredly.core.sync.EventIntake;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;

/** The services of an {@link Application} started without its HTTP server. */
final class ApplicationServices implements SyncServices {
  private final Application application;
  private final @Nullable String defaultLocation;

  ApplicationServices(Application application, @Nullable String defaultLocation) {
    this.application = application;
    this.defaultLocation = defaultLocation;
  }

  static SyncServices open(ConfigFile configFile, boolean workers) {
    AppConfig config = configFile.load();
    return new ApplicationServices(
        Application.start(
            config,
            Application.jobSettings(config),
            InstantSource.system(),
            workers ? Application.Role.WORKERS : Application.Role.READ_ONLY),
        DefaultLocation.of(config.ghl()));
  }

  @Override
  public ContactDirectory directory() {
    return application.directory();
  }

  @Override
  public ContactPlanner planner() {
    return application.planner();
  }

  @Override
  public EventIntake intake() {
    return application.intake();
  }

  @Override
  public CursorStore cursors() {
    return application.stores().cursors();
  }

  @Override
  public EventInbox inbox() {
    return application.stores().inbox();
  }

  @Override
  public CrmGateway crm() {
    return application.crm();
  }

  @Override
  public InstantSource clock() {
    return InstantSource.system();
  }

  @Override
  public @Nullable String defaultLocation() {
    return defaultLocation;
  }

  @Override
  public void close() {
    application.close();
  }
}
