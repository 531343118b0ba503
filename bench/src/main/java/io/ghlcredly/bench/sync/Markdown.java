package io.ghlcredly.bench.sync;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Builds the markdown report: headings, paragraphs and tables. Not thread-safe. */
final class Markdown {
  private final StringBuilder text = new StringBuilder();

  Markdown heading(int level, String title) {
    text.append("#".repeat(level)).append(' ').append(title).append("\n\n");
    return this;
  }

  Markdown paragraph(String paragraph) {
    text.append(paragraph.strip()).append("\n\n");
    return this;
  }

  Markdown table(List<String> header, List<List<String>> rows) {
    text.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int i = 0; i < header.size(); i++) {
      text.append(i == 0 ? "---|" : "---:|");
    }
    text.append('\n');
    for (List<String> row : rows) {
      text.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    text.append('\n');
    return this;
  }

  static String ms(Duration duration) {
    return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e6);
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e9);
  }

  static String number(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
