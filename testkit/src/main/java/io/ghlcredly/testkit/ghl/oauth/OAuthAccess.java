package io.ghlcredly.testkit.ghl.oauth;

import java.util.Set;

/**
 * Who a valid OAuth access token speaks for, as the API sees it when serving a call.
 *
 * @param accountId the location id of a location token, the company id of a company token
 * @param companyId the company the account belongs to
 * @param scopes the scopes the user granted
 */
public record OAuthAccess(boolean company, String accountId, String companyId, Set<String> scopes) {
  public OAuthAccess {
    scopes = Set.copyOf(scopes);
  }
}
