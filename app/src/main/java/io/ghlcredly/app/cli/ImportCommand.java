package io.ghlcredly.app.cli;

import io.ghlcredly.app.operations.DefaultLocation;
import io.ghlcredly.app.operations.DryRunTally;
import io.ghlcredly.app.operations.ImportRun;
import io.ghlcredly.app.remote.ServiceClient;
import io.ghlcredly.app.remote.ServiceClient.ImportStatus;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.sync.ContactImporter;
import io.ghlcredly.core.sync.ImportProgress;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ghl-credly import --location L}: feeds every contact of a location through the sync, then
 * waits until the job workers have applied them. Resumes an interrupted import of the same location
 * (and --since) from its last completed page; --dry-run shows what would be done and writes
 * nothing. When a service runs for the configuration, the import runs inside it (with its job
 * workers) and this command follows it; otherwise it runs here, with job workers of its own.
 */
@Command(
    name = "import",
    description = "Import every contact of a location (resumable), or show what it would do.",
    mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  @CommandLine.Option(
      names = "--location",
      paramLabel = "LOCATION",
      description = DefaultLocation.HELP)
  @Nullable String location;

  @CommandLine.Option(
      names = "--since",
      paramLabel = "DATE|INSTANT",
      description = "Only contacts updated since then: 2026-01-01 (UTC) or an ISO instant.")
  @Nullable String since;

  @CommandLine.Option(names = "--dry-run", description = "Show what would be done; write nothing.")
  boolean dryRun;

  @CommandLine.Option(
      names = "--restart",
      description = "Start from the first page even when an earlier run stopped midway.")
  boolean restart;

  @CommandLine.Option(
      names = "--show",
      paramLabel = "N",
      defaultValue = "10",
      description = "Dry run: print the first N contacts' plans (default: ${DEFAULT-VALUE}).")
  int show;

  @CommandLine.Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = ConfigFile.OPTION_HELP)
  @Nullable Path config;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final SyncServices.Opener opener;
  private final OperatorTarget.Finder finder;
  private final boolean terminal;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  ImportCommand() {
    this(ApplicationServices::open, OperatorTarget::find, isTerminal());
  }

  /** Always in this process, with the given services (tests). */
  ImportCommand(SyncServices.Opener opener, boolean terminal) {
    this(opener, (file, err) -> OperatorTarget.database(file), terminal);
  }

  ImportCommand(SyncServices.Opener opener, OperatorTarget.Finder finder, boolean terminal) {
    this.opener = opener;
    this.finder = finder;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InterruptedException {
    Instant from = since == null ? null : parseSince(spec, since);
    OperatorTarget target = finder.find(ConfigFile.of(config), spec.commandLine().getErr());
    Thread hook = new Thread(this::stopAndWait, "import-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      ServiceClient service = target.service().orElse(null);
      if (service != null) {
        LocationId locationId = location(spec, location, service::defaultLocation);
        return runInService(
            service, new ContactImporter.Request(locationId, from, dryRun, restart));
      }
      try (SyncServices services = target.opening(() -> opener.open(target.file(), !dryRun))) {
        LocationId locationId = location(spec, location, services::defaultLocation);
        return run(services, new ContactImporter.Request(locationId, from, dryRun, restart));
      }
    } finally {
      finished.countDown();
      removeHook(hook);
    }
  }

  /** Ctrl-C: stop after the current page, then let the command finish and print its summary. */
  private void stopAndWait() {
    stop.countDown();
    try {
      finished.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already stopping: the hook is running and waits for us.
    }
  }

  /** Stops a running import as Ctrl-C would (for tests). */
  void requestStop() {
    stop.countDown();
  }

  /** Runs the import here: the walk, then the wait for this process's job workers. */
  int run(SyncServices services, ContactImporter.Request request) throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    ImportRun importRun =
        new ImportRun(
            services.directory(),
            // Asked for only by a dry run: an import does not need the planner wired.
            contact -> services.planner().plan(contact),
            services.intake(),
            services.cursors(),
            services.inbox(),
            services.clock());
    DryRunTally tally = new DryRunTally(show);
    ImportRun.Result result;
    try (ImportDisplay display = new ImportDisplay(out, terminal, services.clock())) {
      result = importRun.run(request, display, tally, stop);
    }
    return finish(out, request.dryRun(), result.end(), result.applied(), tally);
  }

  /**
   * Runs the import in the service and follows it, showing what a run here shows. Ctrl-C asks the
   * service to stop after the current page.
   */
  private int runInService(ServiceClient service, ContactImporter.Request request)
      throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    ImportStatus status = service.startImport(request, show);
    try (ImportDisplay display = new ImportDisplay(out, terminal, InstantSource.system())) {
      status = follow(service, status, new ServiceImportFeed(display));
    } catch (ServiceClient.ServiceException e) {
      throw new ServiceImportFailed(
          e.getMessage()
              + " while it ran the import; run the same command again: it resumes after the last"
              + " page the service completed");
    }
    ImportProgress end = status.progress();
    if (status.failed() || end == null) {
      throw new ServiceImportFailed(
          status.error() != null ? status.error() : "the import failed in the service");
    }
    return finish(out, request.dryRun(), end, status.allApplied(), status.tally());
  }

  /** Polls the service's run until it ends; Ctrl-C asks the service to stop it. */
  private ImportStatus follow(ServiceClient service, ImportStatus started, ServiceImportFeed feed)
      throws InterruptedException {
    ImportStatus status = started;
    boolean stopSent = false;
    while (true) {
      feed.accept(status);
      if (status.finished()) {
        return status;
      }
      if (stopSent) {
        TimeUnit.MILLISECONDS.sleep(ImportRun.POLL.toMillis());
      } else if (stop.await(ImportRun.POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        stopSent = true;
        status = service.stopImport(status.id());
        continue;
      }
      status = service.importRun(status.id());
    }
  }

  private int finish(
      PrintWriter out, boolean dryRun, ImportProgress end, boolean applied, DryRunTally tally) {
    if (dryRun) {
      Summary.printDryRun(out, end, tally, show);
      return 0;
    }
    Summary.printImport(out, end, applied);
    return end.complete() && applied ? 0 : 130;
  }

  /** An import the service ran failed; the message is the service's, as a run here prints it. */
  static final class ServiceImportFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ServiceImportFailed(String message) {
      super(message);
    }
  }

  /** Whether standard output is a terminal, where a progress bar can redraw itself. */
  @SuppressWarnings("SystemConsoleNull") // handled: null on JDK 21, isTerminal() on 22+
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // JDK 22+ returns a console even when redirected; it tells with isTerminal().
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException olderJdk) {
      return true;
    }
  }

  /** The {@code --location} given, else the default location; a usage error when neither. */
  static LocationId location(
      CommandLine.Model.CommandSpec spec,
      @Nullable String location,
      Supplier<@Nullable String> defaultLocation) {
    String chosen = location != null ? location : defaultLocation.get();
    if (chosen == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), DefaultLocation.REQUIRED);
    }
    return new LocationId(chosen);
  }

  static Instant parseSince(CommandLine.Model.CommandSpec spec, String text) {
    try {
      return text.contains("T")
          ? Instant.parse(text)
          : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--since: not a date (2026-01-01) or an ISO instant: " + text, e);
    }
  }
}
