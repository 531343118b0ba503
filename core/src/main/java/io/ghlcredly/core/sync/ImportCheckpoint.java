package io.ghlcredly.core.sync;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an import saves after each page: the cursor of the next page and the counts so far. Stored
 * as one line of text, {@code v1|pages|walked|queued|skipped|state|cursor} (the cursor last, so it
 * may hold any character).
 *
 * <p>Public so that operator views can show an import's progress.
 *
 * @param next the cursor of the next page; null once the walk is complete
 */
public record ImportCheckpoint(
    long pages, long walked, long queued, long skipped, boolean complete, @Nullable String next) {
  private static final String VERSION = "v1";
  private static final int FIELDS = 7;

  static final ImportCheckpoint FRESH = new ImportCheckpoint(0, 0, 0, 0, false, null);

  String encode() {
    return String.join(
        "|",
        VERSION,
        Long.toString(pages),
        Long.toString(walked),
        Long.toString(queued),
        Long.toString(skipped),
        complete ? "complete" : "running",
        next == null ? "" : next);
  }

  /** The checkpoint the text holds, or empty when it is not one (another version, damaged). */
  public static Optional<ImportCheckpoint> parse(String text) {
    String[] parts = text.split("\\|", FIELDS);
    if (parts.length != FIELDS || !parts[0].equals(VERSION)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ImportCheckpoint(
              Long.parseLong(parts[1]),
              Long.parseLong(parts[2]),
              Long.parseLong(parts[3]),
              Long.parseLong(parts[4]),
              parts[5].equals("complete"),
              parts[6].isEmpty() ? null : parts[6]));
    } catch (NumberFormatException damaged) {
      return Optional.empty();
    }
  }

  /** Whether a run can continue from here: a page was completed and one follows. */
  boolean resumable() {
    return !complete && next != null;
  }
}
