package io.ghlcredly.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Load driver for issue 4: how fast badges go out through the real {@code CredlyClient} and {@code
 * CredlyBadgeGateway} at several {@code maxConcurrency} settings, against a Credly emulator that
 * either takes everything or sheds load above a rate with 429, and whether the adaptive limit backs
 * off and recovers without losing or duplicating a badge.
 *
 * <p>Settings, as system properties ({@code -Dbench.badges=500}) or {@code key=value} arguments
 * ({@code badges=500}): {@code badges} (2000), {@code concurrency} (1,4,16,64), {@code shedding}
 * (off,on), {@code shedRate} (issue requests/s accepted when shedding, 250), {@code workers}
 * (virtual threads issuing, as job workers, 64: the most {@code jobs.workers} allows), {@code
 * warmup} (badges issued first and not reported, 300), {@code out} (directory for the report files,
 * target).
 */
public final class CredlyIssueBenchmark {
  private CredlyIssueBenchmark() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> given = settings(args);
    int badges = Integer.parseInt(setting(given, "badges"));
    int shedRate = Integer.parseInt(setting(given, "shedRate"));
    int workers = Integer.parseInt(setting(given, "workers"));
    int warmup = Integer.parseInt(setting(given, "warmup"));
    List<BenchConfig> configs = new ArrayList<>();
    for (String shedding : setting(given, "shedding").split(",", -1)) {
      for (String concurrency : setting(given, "concurrency").split(",", -1)) {
        configs.add(
            new BenchConfig(
                Integer.parseInt(concurrency.trim()), "on".equals(shedding.trim()) ? shedRate : 0));
      }
    }
    PrintStream out = System.out;
    if (warmup > 0) {
      new IssueRun(new BenchConfig(4, 0), warmup, workers).run();
    }
    List<RunResult> results = new ArrayList<>();
    for (BenchConfig config : configs) {
      RunResult result = new IssueRun(config, badges, workers).run();
      out.printf(
          Locale.ROOT,
          "%-32s %7.0f badges/s  p99 %s ms  429s %d  min limit %d  final limit %d  %s%n",
          config.label(),
          result.badgesPerSecond(),
          BenchReport.millis(result.latency().p99()),
          result.throttled(),
          result.minLimit(),
          result.finalLimit(),
          result.verified() ? "verified" : "NOT VERIFIED");
      results.add(result);
    }
    String header =
        String.format(
            Locale.ROOT,
            "Credly issue benchmark: %d badges per run, %d worker virtual threads, %d cores, Java %s",
            badges,
            workers,
            Runtime.getRuntime().availableProcessors(),
            Runtime.version());
    String table = BenchReport.markdown(results, header);
    out.println();
    out.print(table);
    Path dir = Path.of(setting(given, "out"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("credly-issue-benchmark.md"), table, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("credly-issue-benchmark.json"),
        BenchReport.json(results),
        StandardCharsets.UTF_8);
    out.println("Written to " + dir.resolve("credly-issue-benchmark.md").toAbsolutePath());
    if (results.stream().anyMatch(result -> !result.verified())) {
      throw new IllegalStateException("a run lost, duplicated or failed badges: see the table");
    }
  }

  private static String setting(Map<String, String> settings, String key) {
    return Objects.requireNonNull(settings.get(key), key);
  }

  private static Map<String, String> settings(String[] args) {
    Map<String, String> settings = new HashMap<>();
    settings.put("badges", "2000");
    settings.put("concurrency", "1,4,16,64");
    settings.put("shedding", "off,on");
    settings.put("shedRate", "250");
    settings.put("workers", "64");
    settings.put("warmup", "300");
    settings.put("out", "target");
    for (String key : List.copyOf(settings.keySet())) {
      String value = System.getProperty("bench." + key);
      if (value != null) {
        settings.put(key, value);
      }
    }
    Arrays.stream(args)
        .map(arg -> arg.split("=", 2))
        .forEach(
            pair -> {
              if (pair.length != 2 || !settings.containsKey(pair[0])) {
                throw new IllegalArgumentException(
                    "expected key=value with a key in " + settings.keySet());
              }
              settings.put(pair[0], pair[1]);
            });
    return settings;
  }
}
