package io.ghlcredly.credly.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Event ids Credly answered 404 for, remembered for {@code forget} so that a webhook naming one of
 * them again (a flood repeating one forged id) costs no further Credly call. Holds at most {@code
 * capacity} ids; beyond that the oldest is forgotten first. Thread-safe (one lock, held briefly).
 */
final class UnknownEvents {
  private final int capacity;
  private final Duration forget;
  private final InstantSource clock;

  /** Id (lower case) → when it was found unknown; insertion order, so the eldest expires first. */
  private final LinkedHashMap<String, Instant> unknownSince;

  UnknownEvents(int capacity, Duration forget, InstantSource clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
    this.forget = forget;
    this.clock = clock;
    this.unknownSince = new LinkedHashMap<>();
  }

  /** Whether Credly said, less than {@code forget} ago, that it does not know this event. */
  synchronized boolean contains(String eventId) {
    Instant now = clock.instant();
    expire(now);
    return unknownSince.containsKey(key(eventId));
  }

  synchronized void remember(String eventId) {
    Instant now = clock.instant();
    expire(now);
    String key = key(eventId);
    // Re-inserted so that it moves to the young end.
    unknownSince.remove(key);
    unknownSince.put(key, now);
    if (unknownSince.size() > capacity) {
      unknownSince.remove(unknownSince.keySet().iterator().next());
    }
  }

  synchronized int size() {
    return unknownSince.size();
  }

  private void expire(Instant now) {
    Instant horizon = now.minus(forget);
    Iterator<Map.Entry<String, Instant>> entries = unknownSince.entrySet().iterator();
    while (entries.hasNext() && !entries.next().getValue().isAfter(horizon)) {
      entries.remove();
    }
  }

  private static String key(String eventId) {
    return eventId.toLowerCase(Locale.ROOT);
  }
}
