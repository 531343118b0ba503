package io.ghlcredly.bench.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The sync benchmark's report: machine, settings, targets met or missed, every figure. */
final class SyncReport {
  private static final double INGEST_TARGET = 5000;
  private static final Duration E2E_TARGET = Duration.ofMillis(100);
  private static final double IMPORT_TARGET = 0.10;
  private static final int READS_PER_BURST_TARGET = 1;
  private static final double RSS_TARGET_MB = 300;

  private final BenchSettings settings;
  private final List<IntakeRun.Result> intakes;
  private final List<ServiceRun.Result> services;
  private final List<ImportRun.Result> imports;
  private final List<ClusterRun.Result> clusters;
  private final List<OverloadRun.Result> overloads;
  private final Duration took;

  SyncReport(
      BenchSettings settings,
      List<IntakeRun.Result> intakes,
      List<ServiceRun.Result> services,
      List<ImportRun.Result> imports,
      List<ClusterRun.Result> clusters,
      List<OverloadRun.Result> overloads,
      Duration took) {
    this.settings = settings;
    this.intakes = intakes;
    this.services = services;
    this.imports = imports;
    this.clusters = clusters;
    this.overloads = overloads;
    this.took = took;
  }

  String render() {
    Markdown md = new Markdown();
    md.heading(1, "Sync benchmark (issues 7 and 8)");
    md.paragraph(
        "Written by `io.ghlcredly.bench.sync.SyncBenchmark`"
            + " (`./mvnw -B -q -pl bench -am package -DskipTests -Dbench.sync`); re-running it"
            + " replaces this file. Run on "
            + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE)
            + ", took "
            + Markdown.seconds(took)
            + " s."
            + (full()
                ? ""
                : " A reduced run (phases "
                    + String.join(", ", settings.phases().stream().sorted().toList())
                    + "): only those sections; `latest.md` holds the last full run."));
    machine(md);
    targets(md);
    intake(md);
    ingest(md);
    endToEnd(md);
    coalescing(md);
    importTable(md);
    memory(md);
    cluster(md);
    overload(md);
    if (full()) {
      notes(md);
    }
    md.heading(2, "Settings");
    md.paragraph("`" + settings.describe() + "`");
    return md.toString();
  }

  private void machine(Markdown md) {
    String pg =
        settings.pgUrl() == null ? "not used" : BenchDatabase.serverVersion(settings.pgUrl());
    md.heading(2, "Machine");
    md.table(
        List.of("what", "value"),
        List.of(
            List.of(
                "CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores"),
            List.of("memory", memTotal()),
            List.of("OS", System.getProperty("os.name") + " " + System.getProperty("os.version")),
            List.of(
                "JDK",
                System.getProperty("java.vm.name")
                    + " "
                    + System.getProperty("java.runtime.version")
                    + " (service: "
                    + String.join(" ", settings.jvmOptions())
                    + ", the launcher's defaults unless the run adds options; driver: default"
                    + " flags)"),
            List.of("PostgreSQL", pg + " on loopback, shared with other test runs"),
            List.of("load average at the end (1, 5, 15 min)", loadAverage()),
            List.of("H2", "embedded, file in a temporary folder")));
    md.paragraph(
        "Everything runs on this one machine: the service (one child JVM per instance), the"
            + " emulators and the load driver (the Maven JVM) and PostgreSQL share its cores, so"
            + " every figure includes the cost of the other parts. A load average well above 2"
            + " means other work (builds, tests) shared the cores too, unless the cluster runs"
            + " came last (they start three service JVMs): such figures are lower bounds of what"
            + " the service does on a quiet machine.");
  }

  private void targets(Markdown md) {
    List<List<String>> rows = new ArrayList<>();
    Optional<ServiceRun.Ingest> pgIngest =
        services.stream()
            .filter(r -> r.db().equals("pg") && r.latency().isZero() && r.ingest() != null)
            .map(ServiceRun.Result::ingest)
            .findFirst();
    pgIngest.ifPresent(
        ingest -> {
          double rate = ingest.perSecond();
          rows.add(
              List.of(
                  "ingest on PostgreSQL ≥ 5,000 events/s",
                  Markdown.number(rate) + " events/s",
                  verdict(
                      rate >= INGEST_TARGET,
                      String.format(
                          Locale.ROOT, "%.0f%% of the target", 100 * rate / INGEST_TARGET))));
        });
    for (ServiceRun.Result run : services) {
      if (!run.latency().isZero()) {
        continue;
      }
      run.endToEnd().stream()
          .filter(e -> e.rate() == 100)
          .findFirst()
          .ifPresent(
              e ->
                  rows.add(
                      List.of(
                          "end-to-end p99 < 100 ms at 100 events/s, zero latency ("
                              + name(run.db())
                              + ")",
                          Markdown.ms(e.latency().p99()) + " ms",
                          verdict(
                              e.latency().p99().compareTo(E2E_TARGET) < 0
                                  && e.issued() == e.events(),
                              over(e.latency().p99(), E2E_TARGET)))));
    }
    for (ImportRun.Result run : imports) {
      rows.add(
          List.of(
              "import of "
                  + run.contacts()
                  + " within 10% of the bound ("
                  + name(run.db())
                  + ", "
                  + run.latency().toMillis()
                  + " ms)",
              Markdown.seconds(run.work())
                  + " s vs "
                  + Markdown.seconds(run.bound().bound())
                  + " s",
              verdict(
                  run.overBound() <= IMPORT_TARGET && run.exitCode() == 0,
                  String.format(Locale.ROOT, "%+.0f%% of the bound", 100 * run.overBound()))));
    }
    services.stream()
        .filter(r -> r.coalescing() != null)
        .forEach(
            r -> {
              ServiceRun.Coalescing c = java.util.Objects.requireNonNull(r.coalescing());
              rows.add(
                  List.of(
                      "≤ 1 GHL read per coalesced burst ("
                          + name(r.db())
                          + ", "
                          + r.latency().toMillis()
                          + " ms)",
                      c.maxReadsPerBurst()
                          + " at most; "
                          + c.burstsWithMoreThanOneRead()
                          + " of "
                          + c.bursts()
                          + " bursts above 1",
                      verdict(
                          c.maxReadsPerBurst() <= READS_PER_BURST_TARGET,
                          String.format(
                              Locale.ROOT,
                              "%.2f reads per burst on average",
                              c.ghlReads() / (double) c.bursts()))));
            });
    long peakRss = services.stream().mapToLong(ServiceRun.Result::peakRssKib).max().orElse(-1);
    long importRss = imports.stream().mapToLong(ImportRun.Result::peakRssKib).max().orElse(-1);
    long rss = Math.max(peakRss, importRss);
    if (rss > 0) {
      double mb = rss * 1024 / 1e6;
      rows.add(
          List.of(
              "peak RSS < 300 MB (every serve and import process)",
              Markdown.number(mb) + " MB",
              verdict(
                  mb < RSS_TARGET_MB,
                  String.format(Locale.ROOT, "%.0f%% of the target", 100 * mb / RSS_TARGET_MB))));
    }
    if (rows.isEmpty()) {
      return;
    }
    md.heading(2, "Targets");
    md.table(List.of("target", "measured", "verdict"), rows);
  }

  private void intake(Markdown md) {
    if (intakes.isEmpty()) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (IntakeRun.Result run : intakes) {
      rows.add(
          List.of(
              name(run.db()),
              Integer.toString(run.events()),
              Integer.toString(run.senders()),
              Markdown.number(run.oneByOne()),
              Markdown.number(run.grouped()),
              String.format(Locale.ROOT, "%.1f×", run.grouped() / run.oneByOne())));
    }
    md.heading(2, "Intake storage path, before and after group commit");
    md.paragraph(
        "`EventIntake` alone in the driver's JVM (no HTTP, no signature check, no workers),"
            + " each event for another contact, by "
            + settings.senders()
            + " concurrent callers: one by one (inbox insert and job insert, each its own commit,"
            + " as before) against group commit (what the service now does: the events of the"
            + " callers that arrive while one transaction commits go into the next). Same"
            + " database, back to back, best of three alternating rounds each.");
    md.table(
        List.of("db", "events", "callers", "one by one /s", "group commit /s", "speed-up"), rows);
  }

  private void ingest(Markdown md) {
    List<List<String>> rows = new ArrayList<>();
    for (ServiceRun.Result run : services) {
      ServiceRun.Ingest ingest = run.ingest();
      if (ingest == null) {
        continue;
      }
      rows.add(
          List.of(
              name(run.db()),
              Long.toString(run.latency().toMillis()),
              Integer.toString(ingest.events()),
              Integer.toString(ingest.accepted()),
              Markdown.number(ingest.perSecond()),
              Markdown.ms(ingest.response().p50()),
              Markdown.ms(ingest.response().p99()),
              Markdown.ms(ingest.response().max()),
              Markdown.seconds(ingest.drain()),
              Markdown.number(ingest.appliedPerSecond()),
              Markdown.number(ingest.serviceCpuMsPerEvent()),
              Markdown.number(ingest.driverCpuMsPerEvent())));
    }
    if (rows.isEmpty()) {
      return;
    }
    md.heading(2, "Webhook ingest");
    md.paragraph(
        "Signed `ContactTagUpdate` webhooks, each for another contact, posted by "
            + settings.senders()
            + " senders as fast as answers come (closed model), after "
            + settings.warmup()
            + " warm-up events. An event counts when answered 2xx: it is then durable (inbox row"
            + " and queued job committed). The workers keep applying events meanwhile (one GHL"
            + " read each); \"drain\" is how long they needed after the last answer, and"
            + " \"applied/s\" is events over send time plus drain. CPU per event: the process's"
            + " user and system time from the first webhook until drained (accepting and applying"
            + " each event), over the events; \"driver\" is the benchmark's JVM with the load"
            + " driver and both emulators. On 2 dedicated cores the service could accept and apply"
            + " at most 2,000 ms / (service CPU ms per event) events a second.");
    md.table(
        List.of(
            "db",
            "latency ms",
            "events",
            "accepted",
            "accepted/s",
            "p50 ms",
            "p99 ms",
            "max ms",
            "drain s",
            "applied/s",
            "service CPU ms/event",
            "driver CPU ms/event"),
        rows);
  }

  private void endToEnd(Markdown md) {
    List<List<String>> rows = new ArrayList<>();
    for (ServiceRun.Result run : services) {
      for (ServiceRun.EndToEnd e : run.endToEnd()) {
        rows.add(
            List.of(
                name(run.db()),
                Long.toString(run.latency().toMillis()),
                Integer.toString(e.rate()),
                Integer.toString(e.events()),
                Integer.toString(e.accepted()),
                Integer.toString(e.unanswered()),
                Integer.toString(e.issued()),
                Markdown.ms(e.latency().p50()),
                Markdown.ms(e.latency().p99()),
                Markdown.ms(e.latency().max()),
                Markdown.ms(e.response().p99()),
                Markdown.number(e.ghlCallsPerEvent()),
                Markdown.number(e.credlyCallsPerEvent())));
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    md.heading(2, "End to end, and upstream calls per event without coalescing");
    md.paragraph(
        "Webhooks at a fixed rate (open model: each is sent at its due time whatever the answers"
            + " take), each for another contact that has the rule's tag, so each event is one job:"
            + " one GHL contact read and one Credly issue call. Latency is from the driver"
            + " receiving the webhook's 2xx to the Credly emulator receiving the issue call (one"
            + " clock, one machine). The GHL emulator's burst limit is raised for these runs: 100"
            + " events/s is 1,000 per 10 s, which real traffic spreads over at least ten locations"
            + " of 100 per 10 s each. Calls per event are every call each emulator received during"
            + " the run divided by its events. \"unanswered\": no HTTP answer within the driver's"
            + " connect (5 s) or response (30 s) timeout, as when the server's accept queue"
            + " overflows.");
    md.table(
        List.of(
            "db",
            "latency ms",
            "events/s",
            "events",
            "accepted",
            "unanswered",
            "issued",
            "p50 ms",
            "p99 ms",
            "max ms",
            "webhook p99 ms",
            "GHL calls/event",
            "Credly calls/event"),
        rows);
  }

  private void coalescing(Markdown md) {
    List<List<String>> rows = new ArrayList<>();
    for (ServiceRun.Result run : services) {
      ServiceRun.Coalescing c = run.coalescing();
      if (c == null) {
        continue;
      }
      int events = c.bursts() * c.burstSize();
      rows.add(
          List.of(
              name(run.db()),
              Long.toString(run.latency().toMillis()),
              c.bursts() + " × " + c.burstSize(),
              Integer.toString(c.ghlReads()),
              Markdown.number(c.ghlReads() / (double) events),
              Integer.toString(c.maxReadsPerBurst()),
              Integer.toString(c.burstsWithMoreThanOneRead()),
              Markdown.number(c.issueCalls() / (double) events)));
    }
    if (rows.isEmpty()) {
      return;
    }
    md.heading(2, "Upstream calls per event with coalescing");
    md.paragraph(
        "Bursts: "
            + settings.burstSize()
            + " webhooks for one contact sent at once (as when a workflow adds several tags),"
            + " contact after contact. Without coalescing each event would cost one GHL read (see"
            + " the table above); the job queue holds one job per contact, and a job applies every"
            + " pending event of its contact after one read.");
    md.table(
        List.of(
            "db",
            "latency ms",
            "bursts × events",
            "GHL reads",
            "GHL reads/event",
            "max reads/burst",
            "bursts > 1 read",
            "Credly issue calls/event"),
        rows);
  }

  private void importTable(Markdown md) {
    List<List<String>> rows = new ArrayList<>();
    for (ImportRun.Result run : imports) {
      rows.add(
          List.of(
              name(run.db()),
              Long.toString(run.latency().toMillis()),
              Integer.toString(run.contacts()),
              Integer.toString(run.exitCode()),
              run.badges() + "",
              Long.toString(run.ghlCalls()),
              Markdown.seconds(run.wall()),
              Markdown.seconds(run.work()),
              Markdown.seconds(run.bound().limiter()),
              Markdown.seconds(run.bound().provider()),
              Markdown.seconds(run.bound().credly()),
              String.format(Locale.ROOT, "%+.0f%%", 100 * run.overBound()),
              Markdown.number(run.peakRssKib() / 1024.0)));
    }
    if (rows.isEmpty()) {
      return;
    }
    md.heading(2, "Bulk import");
    md.paragraph(
        "`ghl-credly import --location L` in its own process against HighLevel's real limits"
            + " (100 calls per 10 s), every fifth contact with the rule's tag. \"work\" is from the"
            + " first GHL call to the process's exit (every event applied); \"wall\" adds JVM"
            + " start-up and migrations. Bounds (`ImportBound`): the import makes 1 count call and"
            + " `contacts/500 + 1` search pages of 500, one after the other. The provider allows"
            + " 100 calls per sliding 10 s; our limiter gives bulk work (import priority BULK) only"
            + " `ghl.reconcile.budget-share` ("
            + settings.budgetShare()
            + ") of its burst bucket: "
            + String.format(
                Locale.ROOT,
                "%d tokens at once, then %.1f calls/s",
                (long) Math.floor(50 * settings.budgetShare()),
                Math.floor(50 * settings.budgetShare()) / 10)
            + ", to keep the rest for live syncs, so our limiter's schedule is the GHL bound that"
            + " applies. Credly: badges × latency / `credly.max-concurrency` ("
            + settings.credlyConcurrency()
            + "). The bound is the larger of our limiter's and Credly's; \"vs bound\" compares"
            + " work with it.");
    md.table(
        List.of(
            "db",
            "latency ms",
            "contacts",
            "exit",
            "badges",
            "GHL calls",
            "wall s",
            "work s",
            "bound: our limiter s",
            "provider s",
            "Credly s",
            "vs bound",
            "peak RSS MiB"),
        rows);
  }

  private void memory(Markdown md) {
    List<List<String>> rows = new ArrayList<>();
    for (ServiceRun.Result run : services) {
      rows.add(
          List.of(
              name(run.db()),
              Long.toString(run.latency().toMillis()),
              Markdown.seconds(run.startup()),
              Markdown.number(run.peakRssKib() / 1024.0),
              Long.toString(run.peakHeapMib()),
              run.databaseBytes() < 0 ? "" : Markdown.number(run.databaseBytes() / 1048576.0)));
    }
    for (ImportRun.Result run : imports) {
      rows.add(
          List.of(
              name(run.db()) + " import " + run.contacts(),
              Long.toString(run.latency().toMillis()),
              "",
              Markdown.number(run.peakRssKib() / 1024.0),
              Long.toString(run.peakHeapMib()),
              ""));
    }
    if (rows.isEmpty()) {
      return;
    }
    md.heading(2, "Memory, disk and start-up");
    md.paragraph(
        "Start-up: process start to the first 200 of `/health/live` (JVM start, configuration,"
            + " migrations, job queue, HTTP server). Peak RSS: Linux `VmHWM` of the process over"
            + " the whole run above. Peak heap: the most heap in use before a collection, from"
            + " the process's `-Xlog:gc` log. Database: what the run's data takes on disk at its"
            + " end (the H2 file, or the PostgreSQL schema's tables with indexes and TOAST).");
    md.table(
        List.of(
            "process",
            "latency ms",
            "start-up s",
            "peak RSS MiB",
            "peak heap MiB",
            "database MiB at the end"),
        rows);
  }

  private void cluster(Markdown md) {
    if (clusters.isEmpty()) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (ClusterRun.Result run : clusters) {
      rows.add(
          List.of(
              Integer.toString(run.instances()),
              Integer.toString(run.events()),
              Integer.toString(run.issued()),
              Markdown.number(run.ingestPerSecond()),
              Markdown.number(run.endToEndPerSecond()),
              Markdown.ms(run.latencies().p50()),
              Markdown.ms(run.latencies().p99())));
    }
    md.heading(2, "Instances on one PostgreSQL (issue 8)");
    md.paragraph(
        "N `serve` processes on one schema, "
            + settings.clusterEvents()
            + " webhooks (each for another tagged contact) spread round robin over them by "
            + settings.senders()
            + " senders, zero upstream latency. End-to-end events/s: events whose badge issue"
            + " call reached Credly, from the first webhook sent to the last issue call. The"
            + " instances share each location's GHL rate budget in PostgreSQL, which follows the"
            + " emulator's limit, raised as above. All instances share the machine's 2 cores.");
    md.table(
        List.of(
            "instances",
            "events",
            "issued",
            "ingest events/s",
            "end-to-end events/s",
            "e2e p50 ms",
            "e2e p99 ms"),
        rows);
  }

  /** Every phase ran and the report is {@code latest.md}: the hand-written notes belong to it. */
  private boolean full() {
    return settings.report().equals("latest.md")
        && settings
            .phases()
            .containsAll(List.of("intake", "ingest", "e2e", "coalesce", "import", "cluster"));
  }

  private void overload(Markdown md) {
    if (overloads.isEmpty()) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (OverloadRun.Result run : overloads) {
      for (OverloadRun.Rate rate : run.rates()) {
        rows.add(
            List.of(
                name(run.db()),
                run.label(),
                Integer.toString(rate.offeredPerSecond()),
                Integer.toString(rate.webhooks()),
                Integer.toString(rate.ok()),
                Integer.toString(rate.refused()),
                Integer.toString(rate.other()),
                rate.unanswered() == 0 ? "0" : "**" + rate.unanswered() + "** (" + rate.why() + ")",
                Markdown.seconds(rate.window()),
                Markdown.number(rate.acceptedPerSecond()),
                Markdown.ms(rate.response().p50()),
                Markdown.ms(rate.response().p99()),
                Markdown.ms(rate.response().max()),
                drainText(rate.drain()),
                Markdown.number(run.peakRssKib() / 1024.0),
                Long.toString(run.peakHeapMib())));
      }
    }
    List<String> failures = new ArrayList<>();
    for (OverloadRun.Result run : overloads) {
      if (run.failure() != null) {
        failures.add(name(run.db()) + ", " + run.label() + ": " + run.failure());
      }
    }
    md.heading(2, "Overload: every webhook answered");
    md.paragraph(
        "Signed `ContactTagUpdate` webhooks offered at "
            + settings.overloadRates().stream().map(String::valueOf).toList()
            + " a second for "
            + settings.overloadSeconds()
            + " s each (open model: each leaves at its due time on its own virtual thread,"
            + " whatever the answers take), each for another contact, zero upstream latency,"
            + " after "
            + settings.warmup()
            + " warm-up webhooks at 200/s. Far more than the service can store on 2 cores: what"
            + " matters is that each gets an answer. 2xx: stored. 429: refused at once with"
            + " `Retry-After` (GHL sends it again). No answer (refused connection, nothing within"
            + " the driver's 5 s connect or 30 s response timeout): GHL never sends it again, so it"
            + " is lost unless the reconciliation pass finds the change; must be 0. accepted/s:"
            + " the 2xx over the window from the first webhook's due time to the last 2xx;"
            + " answer times are from each webhook's due time. After each rate the workers apply"
            + " the accepted events before the next (drain). The earlier build, when measured, ran"
            + " in the same benchmark run on the same machine, against its own fresh schema.");
    md.table(
        List.of(
            "db",
            "service",
            "offered/s",
            "webhooks",
            "2xx",
            "429",
            "other",
            "no answer",
            "window s",
            "accepted/s",
            "answer p50 ms",
            "answer p99 ms",
            "answer max ms",
            "drain s",
            "peak RSS MiB",
            "peak heap MiB"),
        rows);
    if (!failures.isEmpty()) {
      md.paragraph(
          "**Services that stopped answering** (the rates after were not offered): "
              + String.join("; ", failures)
              + ".");
    }
    List<OverloadRun.Result> pg = overloads.stream().filter(r -> r.db().equals("pg")).toList();
    if (pg.size() < 2) {
      return;
    }
    OverloadRun.Result now = pg.getFirst();
    List<List<String>> compare = new ArrayList<>();
    for (OverloadRun.Result earlier : pg.subList(1, pg.size())) {
      for (OverloadRun.Rate rate : now.rates()) {
        earlier.rates().stream()
            .filter(e -> e.offeredPerSecond() == rate.offeredPerSecond())
            .findFirst()
            .ifPresent(
                e ->
                    compare.add(
                        List.of(
                            Integer.toString(rate.offeredPerSecond()),
                            earlier.label() + ": " + Markdown.number(e.acceptedPerSecond()),
                            now.label() + ": " + Markdown.number(rate.acceptedPerSecond()),
                            e.acceptedPerSecond() <= 0
                                ? "n/a"
                                : String.format(
                                    Locale.ROOT,
                                    "%+.0f%%",
                                    100 * (rate.acceptedPerSecond() / e.acceptedPerSecond() - 1)),
                            e.unanswered() + " → " + rate.unanswered())));
      }
    }
    md.paragraph(
        "Accepted webhooks a second on PostgreSQL, each earlier build against "
            + now.label()
            + ":");
    md.table(
        List.of("offered/s", "earlier", "this build", "change", "no answer (earlier → this)"),
        compare);
  }

  private static String drainText(@Nullable Duration drain) {
    return drain == null ? "never (stopped answering)" : Markdown.seconds(drain);
  }

  /** The hand-written analysis kept beside the report (why targets are missed, what next). */
  private void notes(Markdown md) {
    Path notes = settings.results().resolve("notes.md");
    if (!Files.isRegularFile(notes)) {
      return;
    }
    try {
      md.paragraph(Files.readString(notes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      md.paragraph("(notes.md unreadable: " + e.getMessage() + ")");
    }
  }

  private static String verdict(boolean met, String detail) {
    return (met ? "met" : "**missed**") + " (" + detail + ")";
  }

  private static String over(Duration measured, Duration target) {
    double ratio = measured.toNanos() / (double) target.toNanos();
    return String.format(Locale.ROOT, "%.0f%% of the limit", 100 * ratio);
  }

  private static String name(String db) {
    return db.equals("pg") ? "PostgreSQL" : "H2";
  }

  private static String loadAverage() {
    try {
      String[] fields =
          Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).split(" ", -1);
      return fields[0] + ", " + fields[1] + ", " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    return procLine(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
  }

  private static String memTotal() {
    return procLine(Path.of("/proc/meminfo"), "MemTotal").orElse("unknown");
  }

  private static Optional<String> procLine(Path file, String key) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
