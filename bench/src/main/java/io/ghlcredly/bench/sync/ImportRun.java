package io.ghlcredly.bench.sync;

import io.ghlcredly.testkit.process.ChildJvm;
import io.ghlcredly.testkit.server.EmulatorRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code ghl-credly import} of a location of {@code contacts} contacts (every fifth with the rule's
 * tag, so a fifth get a badge) against HighLevel's real rate limits, in its own process, timed
 * against {@link ImportBound}.
 */
final class ImportRun {
  private static final Duration TIMEOUT = Duration.ofHours(1);

  private final BenchSettings settings;
  private final String db;
  private final Duration latency;
  private final PrintStream out;

  ImportRun(BenchSettings settings, String db, Duration latency, PrintStream out) {
    this.settings = settings;
    this.db = db;
    this.latency = latency;
    this.out = out;
  }

  /**
   * @param wall process start to exit
   * @param work first GHL call to exit: what the bound is about
   */
  record Result(
      String db,
      Duration latency,
      int contacts,
      int badges,
      int exitCode,
      Duration wall,
      Duration work,
      long ghlCalls,
      long issueCalls,
      ImportBound bound,
      long peakRssKib,
      long peakHeapMib) {
    /** How far above the bound, as a fraction (0.1 is 10% slower than the bound). */
    double overBound() {
      // A bound under a second (few pages, no latency) would make any ratio meaningless.
      long boundNanos = Math.max(bound.bound().toNanos(), Duration.ofSeconds(1).toNanos());
      return work.toNanos() / (double) boundNanos - 1;
    }
  }

  Result run(int contacts) {
    String name = "import-" + db + "-" + latency.toMillis() + "ms-" + contacts;
    try (Rig rig = new Rig(settings, db, latency, true, name)) {
      for (int from = 0; from < contacts; from += 10_000) {
        int count = Math.min(10_000, contacts - from);
        int offset = from;
        rig.ghl.seedContacts(
            count,
            (contact, index) -> {
              if ((offset + index) % 5 == 0) {
                contact.tags(ServiceConfig.TAG);
              }
            });
      }
      int tagged = (contacts + 4) / 5;
      Path config =
          ServiceConfig.write(
              rig.folder.resolve("import.yaml"), ServiceConfig.freePort(), rig.shared);
      Path gcLog = rig.folder.resolve("import-gc.log");
      long start = System.nanoTime();
      Instant startedAt = Instant.now();
      ChildJvm process =
          ServiceProcess.start(
              settings,
              "import",
              rig.folder,
              gcLog,
              ServiceConfig.env(rig.shared),
              List.of("import", "--location", rig.ghl.locationId(), "-c", config.toString()));
      try (process) {
        long deadline = start + TIMEOUT.toNanos();
        long peakRss = -1;
        // VmHWM is gone once the process exits: read it while it runs.
        while (!process.waitFor(Duration.ofMillis(50))) {
          peakRss = Math.max(peakRss, process.peakRssKib().orElse(-1));
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("import still running after " + TIMEOUT);
          }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Instant endedAt = startedAt.plus(wall);
        List<EmulatorRequest> ghlRequests = rig.ghl.requests();
        Instant firstCall = ghlRequests.isEmpty() ? startedAt : ghlRequests.getFirst().receivedAt();
        long issues = rig.credly.requests().stream().filter(Upstream::isIssue).count();
        Result result =
            new Result(
                db,
                latency,
                contacts,
                rig.credly.badges().size(),
                process.exitValue(),
                wall,
                Duration.between(firstCall, endedAt),
                ghlRequests.size(),
                issues,
                ImportBound.of(
                    contacts,
                    tagged,
                    settings.budgetShare(),
                    latency,
                    settings.credlyConcurrency()),
                peakRss,
                ServiceProcess.peakHeapMib(gcLog));
        if (result.exitCode() != 0 || result.badges() != tagged) {
          out.println(process.tail());
        }
        out.printf(
            "[%s, %d ms] import of %d: exit %d, %d badges (want %d), %s s (bound %s s, %s),"
                + " %d GHL calls%n",
            db,
            latency.toMillis(),
            contacts,
            result.exitCode(),
            result.badges(),
            tagged,
            Markdown.seconds(result.work()),
            Markdown.seconds(result.bound().bound()),
            result.bound().boundBy(),
            result.ghlCalls());
        return result;
      }
    }
  }
}
