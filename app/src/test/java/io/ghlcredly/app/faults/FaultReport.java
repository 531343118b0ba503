package io.ghlcredly.app.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of one fault scenario, printed always and written to {@code faults.report} when set:
 * each scenario owns one section of that Markdown file (between markers), replaced when it runs
 * again, so the ITs can run alone or together. Not thread-safe.
 */
final class FaultReport {
  private static final String HEADER =
      """
      # Fault suite results

      Written by the fault ITs in `app/src/test/java/io/ghlcredly/app/faults/` (see README,
      "Fault suite"). Each section is one scenario's last run; losses and duplicates must be 0.
      """;

  private final String scenario;
  private final String title;
  private final Map<String, String> figures = new LinkedHashMap<>();
  private String notes = "";

  FaultReport(String scenario, String title) {
    this.scenario = scenario;
    this.title = title;
  }

  FaultReport figure(String name, Object value) {
    figures.put(name, String.valueOf(value));
    return this;
  }

  /** A paragraph under the table: what was run, on what. */
  FaultReport notes(String text) {
    this.notes = text;
    return this;
  }

  /** Prints the section and writes it into the report file when one is configured. */
  void publish() {
    String section = section();
    System.out.println(section);
    FaultSizes.report().ifPresent(file -> write(file, section));
  }

  String section() {
    StringBuilder text = new StringBuilder();
    text.append(begin()).append('\n');
    text.append("## ").append(title).append("\n\n");
    text.append("| figure | value |\n|---|---:|\n");
    figures.forEach(
        (name, value) -> text.append("| ").append(name).append(" | ").append(value).append(" |\n"));
    if (!notes.isBlank()) {
      text.append('\n').append(notes.strip()).append('\n');
    }
    text.append(end()).append('\n');
    return text.toString();
  }

  private void write(Path file, String section) {
    try {
      String existing =
          Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : HEADER + "\n";
      Matcher old =
          Pattern.compile(
                  Pattern.quote(begin()) + ".*?" + Pattern.quote(end()) + "\\n", Pattern.DOTALL)
              .matcher(existing);
      String updated =
          old.find()
              ? existing.substring(0, old.start()) + section + existing.substring(old.end())
              : existing + "\n" + section;
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, updated, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fault report " + file, e);
    }
  }

  private String begin() {
    return "<!-- scenario: " + scenario + " -->";
  }

  private String end() {
    return "<!-- end: " + scenario + " -->";
  }
}
