package io.ghlcredly.app.cli;

import io.ghlcredly.app.Application;
import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.core.port.ContactDirectory;
import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.core.port.CursorStore;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.sync.ContactPlanner;
import io.ghlcredly.core.sync.EventIntake;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

/** The services of an {@link Application} started without its HTTP server. */
final class ApplicationServices implements SyncServices {
  private final Application application;
  private final List<String> locations;

  ApplicationServices(Application application, List<String> locations) {
    this.application = application;
    this.locations = List.copyOf(locations);
  }

  static SyncServices open(Path configFile, boolean workers) {
    AppConfig config = ConfigLoader.load(configFile, System.getenv());
    return new ApplicationServices(
        Application.start(
            config,
            Application.jobSettings(config),
            InstantSource.system(),
            workers ? Application.Role.WORKERS : Application.Role.READ_ONLY),
        config.ghl().locations());
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
  public List<String> configuredLocations() {
    return locations;
  }

  @Override
  public void close() {
    application.close();
  }
}
