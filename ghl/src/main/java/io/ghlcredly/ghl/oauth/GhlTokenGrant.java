package io.ghlcredly.ghl.oauth;

import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.AccountType;
import io.ghlcredly.http.oauth.OAuthTokens;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What HighLevel's token endpoints answered, beyond the tokens.
 *
 * @param userType which kind of token this is ({@code userType} of the response)
 * @param locationId set for location tokens
 * @param approvedLocations locations a company install approved (company tokens only)
 * @param userId the user who installed
 */
public record GhlTokenGrant(
    OAuthTokens tokens,
    AccountType userType,
    @Nullable String companyId,
    @Nullable String locationId,
    List<String> approvedLocations,
    @Nullable String userId) {
  public GhlTokenGrant {
    approvedLocations = List.copyOf(approvedLocations);
  }

  /** The account these tokens belong to. */
  public AccountKey account() {
    String id = userType == AccountType.COMPANY ? companyId : locationId;
    if (id == null || id.isBlank()) {
      throw new IllegalStateException("a " + userType + " token response without its id");
    }
    return new AccountKey(userType, id);
  }
}
