package io.ghlcredly.app.cli;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.sync.ContactImporter;
import io.ghlcredly.core.sync.ContactPlanner;
import io.ghlcredly.core.sync.ImportListener;
import io.ghlcredly.core.sync.ImportProgress;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ghl-credly import --location L}: feeds every contact of a location through the sync, then
 * waits until the job workers have applied them. Resumes an interrupted import of the same location
 * (and --since) from its last completed page; --dry-run shows what would be done and writes
 * nothing. Runs the job workers but not the webhook server, so it can run beside {@code serve}.
 */
@Command(
    name = "import",
    description = "Import every contact of a location (resumable), or show what it would do.",
    mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {
  private static final Duration POLL = Duration.ofMillis(500);
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
      description = "Configuration file (default: $GCS_CONFIG or ./ghl-credly.yaml).")
  @Nullable Path config;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final SyncServices.Opener opener;
  private final boolean terminal;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  ImportCommand() {
    this(ApplicationServices::open, isTerminal());
  }

  ImportCommand(SyncServices.Opener opener, boolean terminal) {
    this.opener = opener;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InterruptedException {
    Instant from = since == null ? null : parseSince(spec, since);
    Thread hook = new Thread(this::stopAndWait, "import-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (SyncServices services = opener.open(configFile(config), !dryRun)) {
      LocationId locationId = location(spec, location, services);
      return run(services, new ContactImporter.Request(locationId, from, dryRun, restart));
    } finally {
      finished.countDown();
      removeHook(hook);
    }
  }

  /** Ctrl-C: stop after the current page, then let the command close the application. */
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

  int run(SyncServices services, ContactImporter.Request request) throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    ContactImporter importer =
        new ContactImporter(
            services.directory(),
            // Asked for only by a dry run: an import does not need the planner wired.
            contact -> services.planner().plan(contact),
            services.intake(),
            services.cursors(),
            services.clock());
    Walk walk = new Walk(out, services);
    ImportProgress end;
    try {
      end = importer.run(request, walk);
    } finally {
      walk.closeDisplay();
    }
    if (request.dryRun()) {
      walk.summary.printDryRun(out, end, show);
      return 0;
    }
    boolean applied = end.complete() && applyAll(services, walk.queued, out);
    walk.summary.printImport(out, end, applied);
    return end.complete() && applied ? 0 : 130;
  }

  /** Waits until the inbox holds no pending event of the contacts this run queued. */
  private boolean applyAll(SyncServices services, Deque<ContactId> queued, PrintWriter out)
      throws InterruptedException {
    long total = queued.size();
    try (ProgressDisplay display =
        ProgressDisplay.open("applying", total, 0, terminal, out, services.clock())) {
      while (true) {
        // Jobs run roughly in queue order: drop the applied ones from the front.
        while (!queued.isEmpty() && services.inbox().listPending(queued.peekFirst()).isEmpty()) {
          queued.removeFirst();
        }
        display.update(total - queued.size(), "");
        if (queued.isEmpty()) {
          return true;
        }
        if (stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
          return false;
        }
      }
    }
  }

  /** Feeds the display and the summary as the importer walks. */
  private final class Walk implements ImportListener {
    final Summary summary = new Summary();
    final Deque<ContactId> queued = new ArrayDeque<>();
    private final PrintWriter out;
    private final SyncServices services;
    private @Nullable ProgressDisplay display;

    Walk(PrintWriter out, SyncServices services) {
      this.out = out;
      this.services = services;
    }

    @Override
    public void started(ImportProgress progress) {
      if (progress.resumedAt() > 0) {
        out.println(
            "resuming after page " + progress.pages() + " (" + progress.walked() + " contacts)");
      }
      display =
          ProgressDisplay.open(
              progress.dryRun() ? "planning" : "importing",
              progress.total(),
              progress.resumedAt(),
              terminal,
              out,
              services.clock());
    }

    @Override
    public void pageDone(ImportProgress progress) {
      if (display != null) {
        display.update(progress.walked(), Summary.counts(progress));
      }
    }

    @Override
    public void queued(ContactId contactId) {
      queued.addLast(contactId);
    }

    @Override
    public void planned(ContactPlanner.Plan plan) {
      summary.add(plan);
    }

    @Override
    public boolean stopRequested() {
      return stop.getCount() == 0;
    }

    void closeDisplay() {
      if (display != null) {
        display.close();
      }
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

  static Path configFile(@Nullable Path config) {
    return config != null
        ? config
        : Path.of(System.getenv().getOrDefault("GCS_CONFIG", "ghl-credly.yaml"));
  }

  static LocationId location(
      CommandLine.Model.CommandSpec spec, @Nullable String location, SyncServices services) {
    String chosen = location != null ? location : services.defaultLocation();
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
