package io.ghlcredly.app.metrics;

import io.ghlcredly.credly.CredlyTokenHealth;
import java.util.Optional;

/** Fails once the Credly token has expired; expiring soon still counts as ready. */
public final class CredlyTokenCheck implements ReadinessCheck {
  private final CredlyTokenHealth token;

  public CredlyTokenCheck(CredlyTokenHealth token) {
    this.token = token;
  }

  @Override
  public String name() {
    return "credlyToken";
  }

  @Override
  public Optional<String> problem() {
    CredlyTokenHealth.Status status = token.status();
    return status.level() == CredlyTokenHealth.Level.EXPIRED
        ? Optional.of("expired at " + status.expiresAt())
        : Optional.empty();
  }
}
