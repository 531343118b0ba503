package io.ghlcredly.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.testkit.process.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve} as an operator runs it: the shaded jar the build made ({@code
 * app/target/ghl-credly.jar}) with the launcher's JVM options ({@code bin/jvm-options}: the 160 MB
 * heap and the serial collector), plus a GC log from which its peak heap is read. Closing it kills
 * it if it still runs.
 */
final class JarServe implements AutoCloseable {
  /** {@code GC(3) Pause Young (Allocation Failure) 42M->6M(151M) 5.0ms}. */
  private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private final ChildJvm jvm;
  private final Path gcLog;
  private final List<String> options;

  private JarServe(ChildJvm jvm, Path gcLog, List<String> options) {
    this.jvm = jvm;
    this.gcLog = gcLog;
    this.options = options;
  }

  /**
   * Starts {@code serve -c config} in {@code folder} and waits until it answers on {@code port}.
   */
  static JarServe start(Path folder, Path config, int port, Map<String, String> env) {
    Path root = FaultSizes.projectRoot();
    Path jar = root.resolve("app/target/ghl-credly.jar");
    assertThat(jar).as("the shaded jar (run the package phase first)").isRegularFile();
    List<String> options = launcherOptions(root.resolve("bin/jvm-options"));
    Path gcLog = folder.resolve("serve-gc.log");
    ChildJvm.Builder builder =
        ChildJvm.of("io.ghlcredly.app.Main")
            .classpath(jar.toString())
            .name("serve")
            .workDir(folder)
            .jvmOption("-Xlog:gc:file=" + gcLog);
    options.forEach(builder::jvmOption);
    env.forEach(builder::env);
    ChildJvm jvm = builder.args("serve", "-c", config.toString()).start();
    try {
      jvm.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/health/live"), KillRig.START);
    } catch (RuntimeException e) {
      jvm.close();
      throw e;
    }
    return new JarServe(jvm, gcLog, options);
  }

  /** The options {@code ./ghl-credly} starts the JVM with, as it reads them. */
  private static List<String> launcherOptions(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the launcher's JVM options " + file, e);
    }
  }

  List<String> options() {
    return options;
  }

  boolean isAlive() {
    return jvm.isAlive();
  }

  String output() {
    return jvm.output();
  }

  String tail() {
    return jvm.tail();
  }

  /** Peak resident memory so far, in MiB; -1 where /proc is missing. */
  long peakRssMib() {
    return jvm.peakRssKib().orElse(-1024) / 1024;
  }

  /** The most heap in use before any collection, in MiB; -1 before the first collection. */
  long peakHeapMib() {
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

  /** Collections whose pause was a full collection (the heap nearly full). */
  long fullCollections() {
    try {
      if (!Files.exists(gcLog)) {
        return 0;
      }
      return Files.readAllLines(gcLog, StandardCharsets.UTF_8).stream()
          .filter(line -> line.contains("Pause Full"))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM, then SIGKILL after {@code grace}; the exit code. */
  int stop(Duration grace) {
    return jvm.stop(grace);
  }

  @Override
  public void close() {
    jvm.close();
  }
}
