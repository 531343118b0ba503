package io.ghlcredly.bench.sync;

import io.ghlcredly.testkit.process.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ghl-credly} process from the shaded jar, as an operator runs it, with a GC log from
 * which its peak heap is read. Knows how long it took to answer {@code /health/live} and how much
 * memory it has held at most.
 */
final class ServiceProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** {@code GC(3) Pause Young (Normal) (G1 Evacuation Pause) 25M->4M(256M) 3.1ms}. */
  private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private final ChildJvm jvm;
  private final Path gcLog;
  private final int port;
  private final Duration startup;

  private ServiceProcess(ChildJvm jvm, Path gcLog, int port, Duration startup) {
    this.jvm = jvm;
    this.gcLog = gcLog;
    this.port = port;
    this.startup = startup;
  }

  /**
   * Runs {@code serve} and waits until it is live.
   *
   * @param port the port written in its configuration
   */
  static ServiceProcess serve(
      BenchSettings settings,
      Path jar,
      String name,
      Path workDir,
      Path config,
      int port,
      Map<String, String> env) {
    Path gcLog = workDir.resolve(name + "-gc.log");
    long started = System.nanoTime();
    ChildJvm jvm =
        start(settings, jar, name, workDir, gcLog, env, List.of("serve", "-c", config.toString()));
    try {
      jvm.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/health/live"), START_TIMEOUT);
    } catch (RuntimeException e) {
      jvm.close();
      throw e;
    }
    return new ServiceProcess(jvm, gcLog, port, Duration.ofNanos(System.nanoTime() - started));
  }

  /** Starts any command of the benchmark's jar (an import) without waiting. */
  static ChildJvm start(
      BenchSettings settings,
      String name,
      Path workDir,
      Path gcLog,
      Map<String, String> env,
      List<String> args) {
    return start(settings, settings.jar(), name, workDir, gcLog, env, args);
  }

  /** Starts any command of {@code jar} without waiting. */
  static ChildJvm start(
      BenchSettings settings,
      Path jar,
      String name,
      Path workDir,
      Path gcLog,
      Map<String, String> env,
      List<String> args) {
    ChildJvm.Builder builder =
        ChildJvm.of("io.ghlcredly.app.Main")
            .classpath(jar.toString())
            .name(name)
            .workDir(workDir)
            .jvmOption("-Xlog:gc:file=" + gcLog);
    for (String option : settings.jvmOptions()) {
      builder.jvmOption(option.replace("{name}", name));
    }
    builder.args(args);
    env.forEach(builder::env);
    return builder.start();
  }

  URI webhookUrl() {
    return URI.create("http://127.0.0.1:" + port + "/webhooks/ghl");
  }

  /** From process start to the first 200 of {@code /health/live}. */
  Duration startup() {
    return startup;
  }

  long peakRssKib() {
    return jvm.peakRssKib().orElse(-1);
  }

  /** The most heap in use before any collection, in MiB: the peak heap. */
  long peakHeapMib() {
    return peakHeapMib(gcLog);
  }

  static long peakHeapMib(Path gcLog) {
    long peak = -1;
    try {
      if (!Files.exists(gcLog)) {
        return -1;
      }
      for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
        Matcher matcher = GC_LINE.matcher(line);
        if (matcher.find()) {
          peak = Math.max(peak, Long.parseLong(matcher.group(1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return peak;
  }

  /** A gauge or counter of {@code /metrics}, summed over its labels; -1 when absent. */
  double metric(String name) {
    String text;
    try {
      text =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
    double sum = 0;
    boolean found = false;
    for (String line : text.lines().toList()) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        found = true;
      }
    }
    return found ? sum : -1;
  }

  /** CPU time the process has used so far (user and system); zero where /proc is missing. */
  Duration cpuTime() {
    return cpuTime(jvm.pid());
  }

  /** From {@code /proc/<pid>/stat}: utime and stime, in clock ticks of 10 ms. */
  static Duration cpuTime(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return Duration.ofMillis(ticks * 10);
    } catch (IOException | RuntimeException e) {
      return Duration.ZERO;
    }
  }

  String tail() {
    return jvm.tail();
  }

  /** What went wrong with the process, from its log: an OutOfMemoryError, or that it exited. */
  String trouble() {
    if (jvm.output().contains("OutOfMemoryError")) {
      return "OutOfMemoryError";
    }
    return jvm.isAlive() ? "no answer to /metrics" : "exited with " + jvm.exitValue();
  }

  @Override
  public void close() {
    jvm.stop(Duration.ofSeconds(15));
  }
}
