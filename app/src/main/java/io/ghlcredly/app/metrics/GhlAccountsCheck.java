package io.ghlcredly.app.metrics;

import io.ghlcredly.core.port.TokenStore;
import java.util.List;
import java.util.Optional;

/** Fails while any installed GHL account is disconnected (its app must be installed again). */
public final class GhlAccountsCheck implements ReadinessCheck {
  private final TokenStore accounts;

  public GhlAccountsCheck(TokenStore accounts) {
    this.accounts = accounts;
  }

  @Override
  public String name() {
    return "ghlAccounts";
  }

  @Override
  public Optional<String> problem() {
    List<String> disconnected =
        accounts.listAccounts().stream()
            .filter(account -> account.status() == TokenStore.AccountStatus.DISCONNECTED)
            .map(account -> account.key().type() + ":" + account.key().id())
            .sorted()
            .toList();
    return disconnected.isEmpty()
        ? Optional.empty()
        : Optional.of("disconnected: " + String.join(", ", disconnected));
  }
}
