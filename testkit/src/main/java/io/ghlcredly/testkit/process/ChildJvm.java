package io.ghlcredly.testkit.process;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A program run in its own JVM, as an operator runs it: fault tests kill it with SIGKILL at a
 * random moment, cluster tests run several side by side, benchmarks read its memory. Output and
 * errors go to one log file in the working folder. Closing it kills it if it still runs.
 */
public final class ChildJvm implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts describing a child JVM that runs {@code mainClass}. */
  public static Builder of(String mainClass) {
    return new Builder(mainClass);
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The combined stdout and stderr so far. */
  public Path log() {
    return log;
  }

  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls {@code url} until it answers 200, or fails naming the process and the end of its log. */
  public void awaitHttpOk(URI url, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " before " + url + ":\n" + tail());
      }
      if (answersOk(url)) {
        return;
      }
      pause(Duration.ofMillis(100));
    }
    throw new IllegalStateException(
        name + " did not answer " + url + " in " + timeout + ":\n" + tail());
  }

  /** SIGKILL: no shutdown hook runs, no buffer is flushed, as in a power cut. */
  public void kill() {
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(30));
  }

  /** SIGTERM, then SIGKILL if it has not exited within {@code grace}. */
  public int stop(Duration grace) {
    process.destroy();
    if (!waitFor(grace)) {
      kill();
    }
    return process.exitValue();
  }

  /** Waits for the process to exit on its own; true when it did within {@code timeout}. */
  public boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public int exitValue() {
    return process.exitValue();
  }

  /** Peak resident memory so far (Linux {@code VmHWM}), in KiB; empty where /proc is missing. */
  public OptionalLong peakRssKib() {
    return procStatus("VmHWM:");
  }

  /** Resident memory now (Linux {@code VmRSS}), in KiB; empty where /proc is missing. */
  public OptionalLong rssKib() {
    return procStatus("VmRSS:");
  }

  /** The last 40 lines of the log, for failure messages. */
  public String tail() {
    List<String> lines = output().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private OptionalLong procStatus(String field) {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
        if (line.startsWith(field)) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
      return OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  private static boolean answersOk(URI url) {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What to run and where. */
  public static final class Builder {
    private final String mainClass;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private String classpath = System.getProperty("java.class.path");
    private String name;
    private Path workDir = Path.of(".");

    private Builder(String mainClass) {
      this.mainClass = mainClass;
      this.name = mainClass.substring(mainClass.lastIndexOf('.') + 1);
    }

    /** Defaults to this JVM's class path (the test's, which holds the application). */
    public Builder classpath(String classpath) {
      this.classpath = classpath;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder workDir(Path workDir) {
      this.workDir = workDir;
      return this;
    }

    public Builder jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    public Builder args(String... more) {
      args.addAll(List.of(more));
      return this;
    }

    public Builder args(List<String> more) {
      args.addAll(more);
      return this;
    }

    public Builder env(String key, String value) {
      env.put(key, value);
      return this;
    }

    /** Starts it; the log is {@code <workDir>/<name>.log}, appended to across restarts. */
    public ChildJvm start() {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      if (Runtime.version().feature() >= 24) {
        // Otherwise the JDK warns on stderr about Tink's protobuf using sun.misc.Unsafe.
        command.add("--sun-misc-unsafe-memory-access=allow");
      }
      command.addAll(jvmOptions);
      command.addAll(List.of("-cp", classpath, mainClass));
      command.addAll(args);
      Path log = workDir.resolve(name + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Map<String, String> environment = builder.environment();
      environment.keySet().removeIf(key -> key.startsWith("GCS_") && !key.startsWith("GCS_TEST"));
      environment.remove("JAVA_TOOL_OPTIONS");
      environment.putAll(env);
      try {
        return new ChildJvm(name, builder.start(), log);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start " + name + ": " + command.get(0), e);
      }
    }
  }
}
