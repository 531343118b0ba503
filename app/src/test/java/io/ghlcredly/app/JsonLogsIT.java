package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ghl-credly --log-format json demo} in a child JVM, as an operator runs it: logging is set
 * up once per process, so only a fresh JVM shows what Main selects before the first logger.
 */
class JsonLogsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How the demo's emulators make their tokens: GHL {@code pit-<uuid>}, Credly {@code
   * emulator-<uuid>}.
   */
  private static final Pattern DEMO_TOKEN =
      Pattern.compile(
          "(pit|emulator)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private static final Pattern SECRET_LIKE_FIELD =
      Pattern.compile("(?i).*(token|secret|password|authorization|credential).*");

  @TempDir static Path folder;
  private static String stdout = "";
  private static List<String> stderrLines = List.of();
  private static int exit = -1;

  @BeforeAll
  static void runDemoWithJsonLogs() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 24) {
      // Otherwise the JDK warns on stderr about Tink's protobuf using sun.misc.Unsafe.
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--log-format",
            "json",
            "demo",
            "--exit-after-scenario",
            "--verbose"));
    File out = folder.resolve("stdout.txt").toFile();
    File err = folder.resolve("stderr.txt").toFile();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectOutput(out)
            .redirectError(err);
    Map<String, String> env = builder.environment();
    env.remove("GCS_LOG_FORMAT");
    env.remove("GCS_LOG_LEVEL");
    env.remove("JAVA_TOOL_OPTIONS");
    Process process = builder.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the demo did not finish within 3 minutes");
    }
    exit = process.exitValue();
    stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
    stderrLines =
        Files.readAllLines(err.toPath(), StandardCharsets.UTF_8).stream()
            .filter(line -> !line.isBlank())
            .toList();
  }

  @Test
  void demoSucceedsWithJsonLogs() {
    assertThat(exit).as(stdout + String.join("\n", stderrLines)).isZero();
    assertThat(stdout).contains("result=OK");
  }

  @Test
  void everyLogLineIsOneJsonObject() throws IOException {
    assertThat(stderrLines).isNotEmpty();
    for (String line : stderrLines) {
      assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
    }
    for (String line : stdout.lines().filter(line -> line.startsWith("{")).toList()) {
      assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
    }
  }

  @Test
  void keyValuesAreTopLevelFieldsWithPlainIds() throws IOException {
    List<JsonNode> withContact = new ArrayList<>();
    for (JsonNode line : logLines()) {
      assertThat(line.path("message").isTextual()).as(line.toString()).isTrue();
      assertThat(line.path("level").isTextual()).as(line.toString()).isTrue();
      if (line.has("contactId")) {
        withContact.add(line);
      }
    }
    assertThat(withContact).isNotEmpty();
    assertThat(withContact)
        .allSatisfy(line -> assertThat(line.get("contactId").isTextual()).isTrue());
    assertThat(logLines())
        .anySatisfy(line -> assertThat(line.path("templateId").asText()).isNotBlank())
        .anySatisfy(line -> assertThat(line.path("ruleId").asText()).isNotBlank())
        .anySatisfy(line -> assertThat(line.path("badgeId").asText()).isNotBlank());
  }

  @Test
  void linesOfTheRunningServiceNameTheInstance() throws IOException {
    assertThat(logLines())
        .filteredOn(line -> line.has("contactId"))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line.path("instance").asText()).isNotBlank());
  }

  @Test
  void startupSaysWhatTheReconciliationPassCovers() throws IOException {
    assertThat(logLines())
        .filteredOn(line -> line.path("message").asText().equals("reconciliation on"))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.path("level").asText()).isEqualTo("INFO");
              assertThat(line.path("every").asText()).isEqualTo("1m");
              assertThat(line.path("lookback").asText()).isEqualTo("1d");
              // The demo's agency installs the app after the engine starts: none connected yet.
              assertThat(line.path("covers").asText())
                  .isEqualTo("every connected OAuth location (0 now)");
            });
  }

  @Test
  void noTokenOrCredentialAppearsAnywhere() throws IOException {
    String everything = stdout + "\n" + String.join("\n", stderrLines);

    assertThat(DEMO_TOKEN.matcher(everything).find()).as(everything).isFalse();
    assertThat(everything).doesNotContain("Bearer ").doesNotContain("Basic ");
    for (JsonNode line : logLines()) {
      line.properties()
          .forEach(
              field -> {
                if (SECRET_LIKE_FIELD.matcher(field.getKey()).matches()
                    && !field.getKey().toLowerCase(Locale.ROOT).endsWith("expiresat")) {
                  assertThat(field.getValue().asText()).as(line.toString()).isEqualTo("***");
                }
              });
    }
  }

  private static List<JsonNode> logLines() throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : stderrLines) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }
}
