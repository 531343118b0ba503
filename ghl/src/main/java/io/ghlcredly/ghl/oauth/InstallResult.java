package io.ghlcredly.ghl.oauth;

import io.ghlcredly.core.port.TokenStore.AccountKey;
import java.util.List;
import java.util.Set;

/** How an install callback ended. */
public sealed interface InstallResult {
  /** Tokens stored for these accounts (the company first, for an agency install). */
  record Installed(List<AccountKey> accounts, Set<String> grantedScopes) implements InstallResult {
    public Installed {
      accounts = List.copyOf(accounts);
      grantedScopes = Set.copyOf(grantedScopes);
    }
  }

  /** The callback itself is not acceptable (state missing, unknown, expired or used; no code). */
  record Refused(String reason) implements InstallResult {}

  /** HighLevel refused or failed the exchange; nothing was stored. */
  record ProviderFailed(String reason) implements InstallResult {}
}
