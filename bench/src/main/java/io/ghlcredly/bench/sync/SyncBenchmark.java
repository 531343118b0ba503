package io.ghlcredly.bench.sync;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sync benchmark of issues 7 and 8: the service as {@code serve} processes (the shaded jar)
 * against the GHL and Credly emulators at each upstream latency, on H2 and on PostgreSQL. Measures
 * webhook ingest, end-to-end latency at fixed rates, upstream calls per event with and without
 * coalescing, bulk import against its rate-limit bound, memory, start-up time, and throughput with
 * 1, 2 and 3 instances, and what overload (1,000 and 5,000 webhooks offered a second) is answered.
 * Prints the report and writes it to {@code <results>/<report>} ({@code latest.md} unless told).
 * Settings in {@link BenchSettings}.
 */
public final class SyncBenchmark {
  private SyncBenchmark() {}

  public static void main(String[] args) throws IOException {
    BenchSettings settings = BenchSettings.fromSystemProperties();
    PrintStream out = System.out;
    if (!Files.isRegularFile(settings.jar())) {
      throw new IllegalStateException(
          "no shaded jar at " + settings.jar().toAbsolutePath() + ": package the app module first");
    }
    List<String> databases =
        settings.databases().stream()
            .filter(db -> !db.equals("pg") || settings.pgUrl() != null)
            .toList();
    if (databases.size() < settings.databases().size()) {
      out.println("no PostgreSQL (GCS_TEST_PG_URL or -Dbench.pg): PostgreSQL runs skipped");
    }
    long started = System.nanoTime();
    List<IntakeRun.Result> intakes = new ArrayList<>();
    if (settings.runs("intake")) {
      for (String db : databases) {
        intakes.add(new IntakeRun(settings, db, out).run());
      }
    }
    List<ServiceRun.Result> services = new ArrayList<>();
    List<ImportRun.Result> imports = new ArrayList<>();
    List<ClusterRun.Result> clusters = new ArrayList<>();
    for (String db : databases) {
      for (Duration latency : settings.latencies()) {
        if (settings.runs("ingest") || settings.runs("e2e") || settings.runs("coalesce")) {
          services.add(new ServiceRun(settings, db, latency, out).run());
        }
        if (settings.runs("import")) {
          for (int size : settings.importSizes()) {
            imports.add(new ImportRun(settings, db, latency, out).run(size));
          }
        }
      }
    }
    if (settings.runs("cluster") && databases.contains("pg")) {
      for (int instances : settings.instances()) {
        clusters.add(new ClusterRun(settings, Duration.ZERO, out).run(instances));
      }
    }
    List<OverloadRun.Result> overloads = new ArrayList<>();
    if (settings.runs("overload")) {
      for (String db : databases) {
        overloads.add(
            new OverloadRun(settings, db, settings.jar(), settings.jarLabel(), out).run());
        if (db.equals("pg")) {
          for (int i = 0; i < settings.compareJars().size(); i++) {
            overloads.add(
                new OverloadRun(
                        settings, db, settings.compareJars().get(i), settings.compareLabel(i), out)
                    .run());
          }
        }
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    String report =
        new SyncReport(settings, intakes, services, imports, clusters, overloads, took).render();
    Files.createDirectories(settings.results());
    Path file = settings.results().resolve(settings.report());
    Files.writeString(file, report, StandardCharsets.UTF_8);
    out.println();
    out.println(report);
    out.println("written to " + file.toAbsolutePath());
  }
}
