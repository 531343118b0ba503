package io.ghlcredly.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the engine last applied for a contact, to tell what changed since.
 *
 * @param locationId the contact's location, so that work started by a Credly event (which names no
 *     location) can write back to GHL; null for snapshots saved before it was kept
 * @param fields the contact's {@link Contact#fieldValues()} as applied, plus {@code status} when
 *     the mapping defines one: what field-changed rules compare against
 * @param recordDigest a digest of the Credly record last sent for the contact, or null when none
 *     was: an unchanged record costs no Credly call
 */
public record ContactSnapshot(
    ContactId contactId,
    Set<String> tags,
    @Nullable Instant dateUpdated,
    Instant appliedAt,
    @Nullable LocationId locationId,
    Map<String, String> fields,
    @Nullable String recordDigest) {
  public ContactSnapshot {
    tags = Set.copyOf(tags);
    fields = Collections.unmodifiableMap(new TreeMap<>(fields));
  }

  /** A snapshot of tags only, as the first engine version kept. */
  public ContactSnapshot(
      ContactId contactId, Set<String> tags, @Nullable Instant dateUpdated, Instant appliedAt) {
    this(contactId, tags, dateUpdated, appliedAt, null, Map.of(), null);
  }
}
