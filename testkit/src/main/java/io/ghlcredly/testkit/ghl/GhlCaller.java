package io.ghlcredly.testkit.ghl;

import java.util.Set;

/**
 * Who an API call is served for: the account its token belongs to (a location, or the company for
 * an agency OAuth token) and what the token may do.
 *
 * @param accountId the location id, or the company id when {@code company}
 * @param privateToken a Private Integration Token, whose scopes the emulator does not restrict
 * @param scopes the OAuth scopes granted (empty for a Private Integration Token)
 */
record GhlCaller(String accountId, boolean company, boolean privateToken, Set<String> scopes) {
  GhlCaller {
    scopes = Set.copyOf(scopes);
  }

  static GhlCaller privateToken(String locationId) {
    return new GhlCaller(locationId, false, true, Set.of());
  }

  /** Whether a call needing {@code scope} may go on. */
  boolean allows(String scope) {
    return privateToken || scopes.contains(scope);
  }
}
