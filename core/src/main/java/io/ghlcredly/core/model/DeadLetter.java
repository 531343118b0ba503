package io.ghlcredly.core.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Work that failed for good or ran out of attempts, kept with its cause so that an operator can see
 * it and replay it.
 *
 * @param id assigned by the store; 0 before it is stored
 * @param kind what failed, such as {@code contact-sync} or {@code issue-badge}
 * @param eventIds the events that the failed work would have applied
 * @param detail what was attempted (for example the rule and template), no personal data
 */
public record DeadLetter(
    long id,
    String kind,
    ContactId contactId,
    List<EventId> eventIds,
    String detail,
    String cause,
    int attempts,
    Instant createdAt,
    @Nullable Instant replayedAt) {
  public DeadLetter {
    eventIds = List.copyOf(eventIds);
  }
}
