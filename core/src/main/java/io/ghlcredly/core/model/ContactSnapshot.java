package io.ghlcredly.core.model;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the engine last applied for a contact, to tell what changed since. */
public record ContactSnapshot(
    ContactId contactId, Set<String> tags, @Nullable Instant dateUpdated, Instant appliedAt) {
  public ContactSnapshot {
    tags = Set.copyOf(tags);
  }
}
