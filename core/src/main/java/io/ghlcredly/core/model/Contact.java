package io.ghlcredly.core.model;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** A CRM contact as the engine sees it: the fields rules and badges need. */
public record Contact(
    ContactId id,
    LocationId locationId,
    @Nullable String email,
    @Nullable String firstName,
    @Nullable String lastName,
    Set<String> tags,
    @Nullable Instant dateUpdated) {
  public Contact {
    tags = Set.copyOf(new TreeSet<>(tags));
  }

  /** A short form for logs: the id only, never the person's data. */
  public String logId() {
    return "contact " + id;
  }
}
