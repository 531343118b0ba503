package io.ghlcredly.app;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactVersion;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.TaskVersion;
import io.ghlcredly.core.port.ContactChangeFeed;
import io.ghlcredly.ghl.GhlContactChangeFeed;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Polls each location with the account of that location, like {@link GhlAccounts} reads contacts:
 * one feed per location, made on first use. Thread-safe.
 */
final class GhlChangeFeeds implements ContactChangeFeed {
  private final Function<LocationId, GhlContactChangeFeed> feedFor;
  private final ConcurrentMap<LocationId, GhlContactChangeFeed> feeds = new ConcurrentHashMap<>();

  GhlChangeFeeds(Function<LocationId, GhlContactChangeFeed> feedFor) {
    this.feedFor = feedFor;
  }

  @Override
  public Stream<ContactVersion> changedSince(LocationId location, Instant since) {
    return feeds.computeIfAbsent(location, feedFor).changedSince(location, since);
  }

  @Override
  public List<TaskVersion> tasks(LocationId location, ContactId contactId) {
    return feeds.computeIfAbsent(location, feedFor).tasks(location, contactId);
  }
}
