package io.ghlcredly.ghl.api;

import java.util.List;

/** Body of {@code GET /users/?locationId=} (schema {@code LocationSuccessfulResponseDto}). */
public record UserListResponse(List<GhlUser> users) {
  public UserListResponse {
    users = GhlContactSummary.withoutNulls(users);
  }
}
