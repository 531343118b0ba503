package io.ghlcredly.app.metrics;

import java.util.Optional;

/** One condition the service needs to do its work. Implementations are thread-safe. */
public interface ReadinessCheck {
  /** A short name for the health output, such as {@code database}. */
  String name();

  /** What is wrong, or empty when the condition holds. May throw: that counts as failing. */
  Optional<String> problem();
}
