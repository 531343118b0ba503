package io.ghlcredly.ghl.api;

import java.util.List;

/**
 * Body of follower add ({@code CreateAddFollowersSuccessfulResponseDto}: {@code followersAdded})
 * and remove ({@code DeleteFollowersSuccessfulResponseDto}: {@code followersRemoved}).
 *
 * @param followers the contact's followers afterwards
 */
public record FollowersResponse(
    List<String> followers, List<String> followersAdded, List<String> followersRemoved) {
  public FollowersResponse {
    followers = GhlContactSummary.withoutNulls(followers);
    followersAdded = GhlContactSummary.withoutNulls(followersAdded);
    followersRemoved = GhlContactSummary.withoutNulls(followersRemoved);
  }
}
