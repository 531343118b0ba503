package io.ghlcredly.app.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text scrape, parsed just enough for tests to look series up by name and labels. */
public final class Scrape {
  private static final Pattern SERIES =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private record Series(String name, Map<String, String> labels, double value) {}

  private final List<Series> series = new ArrayList<>();

  public Scrape(String text) {
    for (String line : text.lines().toList()) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      Matcher matcher = SERIES.matcher(line.strip());
      if (!matcher.matches()) {
        throw new IllegalArgumentException("not a series line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      String labelText = matcher.group(2);
      if (labelText != null) {
        Matcher label = LABEL.matcher(labelText);
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      series.add(new Series(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
    }
  }

  /** The sum of every series of that name whose labels include the given ones; empty if none. */
  public OptionalDouble value(String name, String... labelPairs) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (int i = 0; i + 1 < labelPairs.length; i += 2) {
      wanted.put(labelPairs[i], labelPairs[i + 1]);
    }
    List<Series> matching =
        series.stream()
            .filter(one -> one.name().equals(name))
            .filter(one -> one.labels().entrySet().containsAll(wanted.entrySet()))
            .toList();
    if (matching.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(matching.stream().mapToDouble(Series::value).sum());
  }
}
