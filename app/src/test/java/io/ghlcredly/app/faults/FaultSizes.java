package io.ghlcredly.app.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How big the fault suite runs. The defaults fit CI (a few minutes for every fault test); system
 * properties run it at full size, for example {@code -Dfaults.contacts=10000 -Dfaults.kills=6
 * -Dfaults.report=bench/results/faults.md}.
 */
final class FaultSizes {
  private FaultSizes() {}

  /** Contacts the kill test imports ({@code faults.contacts}). */
  static int contacts() {
    return Integer.getInteger("faults.contacts", 1000);
  }

  /** SIGKILLs of the engine in the kill test, over the import and the webhook storm. */
  static int kills() {
    return Integer.getInteger("faults.kills", 3);
  }

  /** Webhooks of the kill test's storm ({@code faults.storm}). */
  static int storm() {
    return Integer.getInteger("faults.storm", 200);
  }

  /** Contacts tagged under upstream faults ({@code faults.upstream-contacts}). */
  static int upstreamContacts() {
    return Integer.getInteger("faults.upstream-contacts", 60);
  }

  /** Contacts of the dropped-webhooks scenario ({@code faults.dropped-contacts}). */
  static int droppedContacts() {
    return Integer.getInteger("faults.dropped-contacts", 60);
  }

  /** How long the database stays unreachable ({@code faults.outage-seconds}). */
  static Duration outage() {
    return Duration.ofSeconds(Long.getLong("faults.outage-seconds", 30));
  }

  /**
   * How long the abuse test's attack lasts ({@code faults.abuse-seconds}): stalled uploads and
   * slow-header connections while signed webhooks flow. At least 15 s, so that a slow-header
   * connection can be seen closed by the request-head deadline.
   */
  static Duration abuse() {
    return Duration.ofSeconds(Math.max(15, Long.getLong("faults.abuse-seconds", 15)));
  }

  /** Signed webhooks a second during the abuse test's phases ({@code faults.abuse-rate}). */
  static int abuseRate() {
    return Integer.getInteger("faults.abuse-rate", 5);
  }

  /**
   * Credly hints of the abuse test's flood ({@code faults.hints}), half for events Credly does not
   * know, posted at {@link #hintsPerSecond()}.
   */
  static int hints() {
    return Integer.getInteger("faults.hints", 500);
  }

  /** How fast the hint flood comes ({@code faults.hints-per-second}). */
  static int hintsPerSecond() {
    return Integer.getInteger("faults.hints-per-second", 100);
  }

  /** Seed of the random kill moments and choices ({@code faults.seed}; default: the time). */
  static long seed() {
    return Long.getLong("faults.seed", System.nanoTime());
  }

  /**
   * Where to write the figures ({@code faults.report}, relative to the project's root folder);
   * nothing is written without it.
   */
  static Optional<Path> report() {
    String path = System.getProperty("faults.report", "");
    return path.isBlank() ? Optional.empty() : Optional.of(projectRoot().resolve(path));
  }

  /** The folder holding {@code mvnw}: tests run in a module's folder. */
  static Path projectRoot() {
    Path here = Path.of("").toAbsolutePath();
    for (Path folder = here; folder != null; folder = folder.getParent()) {
      if (Files.exists(folder.resolve("mvnw"))) {
        return folder;
      }
    }
    return here;
  }
}
