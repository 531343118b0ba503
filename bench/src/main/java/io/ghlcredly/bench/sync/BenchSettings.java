package io.ghlcredly.bench.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The sync benchmark's settings, from {@code -Dbench.<key>=<value>} system properties; every one
 * has a default that keeps the whole run to a few minutes.
 */
record BenchSettings(
    Path jar,
    Path results,
    Path work,
    List<String> databases,
    @Nullable String pgUrl,
    List<Duration> latencies,
    Set<String> phases,
    int warmup,
    int ingestEvents,
    int senders,
    List<Integer> rates,
    int e2eSeconds,
    int e2eMaxEvents,
    int bursts,
    int burstSize,
    List<Integer> importSizes,
    double budgetShare,
    List<Integer> instances,
    int clusterEvents,
    int workers,
    int credlyConcurrency,
    String settle,
    List<String> jvmOptions,
    String report,
    List<Integer> overloadRates,
    int overloadSeconds,
    String jarLabel,
    List<Path> compareJars,
    List<String> compareLabels) {

  static BenchSettings fromSystemProperties() {
    String pg = property("pg", System.getenv().getOrDefault("GCS_TEST_PG_URL", ""));
    return new BenchSettings(
        Path.of(property("jar", "app/target/ghl-credly.jar")).toAbsolutePath(),
        Path.of(property("results", "bench/results")),
        Path.of(property("work", System.getProperty("java.io.tmpdir"))),
        list(property("dbs", "h2,pg")),
        pg.isBlank() ? null : pg,
        list(property("latencies", "0,80")).stream()
            .map(ms -> Duration.ofMillis(Long.parseLong(ms)))
            .toList(),
        Set.copyOf(list(property("phases", "intake,ingest,e2e,coalesce,import,cluster,overload"))),
        integer("warmup", 2000),
        integer("ingestEvents", 10_000),
        integer("senders", 32),
        list(property("rates", "10,100,1000")).stream().map(Integer::parseInt).toList(),
        integer("e2eSeconds", 10),
        integer("e2eMaxEvents", 5000),
        integer("bursts", 100),
        integer("burstSize", 10),
        list(property("importSizes", "10000")).stream().map(Integer::parseInt).toList(),
        Double.parseDouble(property("budgetShare", "0.2")),
        list(property("instances", "1,2,3")).stream().map(Integer::parseInt).toList(),
        integer("clusterEvents", 3000),
        integer("workers", 32),
        integer("credlyConcurrency", 16),
        property("settle", ""),
        Stream.concat(
                launcherOptions(Path.of(property("launcherOptions", "bin/jvm-options"))),
                Arrays.stream(property("jvmOptions", "").split(" ", -1)))
            .filter(option -> !option.isBlank())
            .toList(),
        property("report", "latest.md"),
        list(property("overloadRates", "1000,5000")).stream().map(Integer::parseInt).toList(),
        integer("overloadSeconds", 10),
        property("jarLabel", "this build"),
        list(property("compareJar", "")).stream()
            .map(jar -> Path.of(jar).toAbsolutePath())
            .toList(),
        list(property("compareLabel", "earlier build")));
  }

  /** The launcher's default JVM options (heap cap, collector): what operators run with. */
  private static Stream<String> launcherOptions(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the launcher's JVM options " + file, e);
    }
  }

  /** The label of the i-th comparison jar: its {@code compareLabel}, else a number. */
  String compareLabel(int index) {
    return index < compareLabels.size() ? compareLabels.get(index) : "earlier build " + (index + 1);
  }

  boolean runs(String phase) {
    return phases.contains(phase);
  }

  /** Every setting as {@code key=value}, for the report. */
  String describe() {
    return Arrays.stream(getClass().getRecordComponents())
        .map(
            component -> {
              try {
                Object value = component.getAccessor().invoke(this);
                String text = String.valueOf(value);
                if (component.getName().equals("pgUrl") && value != null) {
                  text = text.replaceAll("password=[^&]*", "password=***");
                }
                return component.getName() + "=" + text;
              } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
              }
            })
        .collect(Collectors.joining(", "));
  }

  private static String property(String key, String fallback) {
    return System.getProperty("bench." + key, fallback);
  }

  private static int integer(String key, int fallback) {
    return Integer.parseInt(property(key, Integer.toString(fallback)));
  }

  private static List<String> list(String text) {
    return Arrays.stream(text.split(",", -1)).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
