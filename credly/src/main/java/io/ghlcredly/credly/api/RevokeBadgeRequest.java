package io.ghlcredly.credly.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/** Body of {@code PUT /organizations/{org}/badges/{id}/revoke} (credly.md §5g). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RevokeBadgeRequest(String reason, @Nullable Boolean suppressRevokeNotificationEmail) {
  public RevokeBadgeRequest {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a revocation needs a reason");
    }
  }
}
