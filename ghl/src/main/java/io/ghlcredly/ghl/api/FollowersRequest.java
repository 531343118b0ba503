package io.ghlcredly.ghl.api;

import java.util.List;

/** Body of follower add and remove (schema {@code FollowersDTO}): user ids. */
public record FollowersRequest(List<String> followers) {
  public FollowersRequest {
    followers = List.copyOf(followers);
  }
}
