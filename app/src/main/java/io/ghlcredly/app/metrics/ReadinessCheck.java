package io.ghlcredly.app.metrics;

import java.util.Optional;

/** One condition the service needs to do its work. Implementations are thread-safe. */
public interface ReadinessCheck {
  /** A short name for the health output, such as {@code database}. */
  String name();

  /** What is wrong, or empty when the condition holds. May throw: that counts as failing. */
  Optional<String> problem();

  /**
   * Whether the service is not ready while this check fails. A check of one workspace is not: an
   * academy's expired Credly token must not take the webhooks of the others off the load balancer.
   */
  default boolean critical() {
    return true;
  }
}
