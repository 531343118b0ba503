package io.ghlcredly.storage;

import io.ghlcredly.core.job.ContactJobHandler;
import io.ghlcredly.core.model.ContactId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A job handler that records its calls and does what the test tells it per attempt. */
final class RecordingHandler implements ContactJobHandler {
  /** What an attempt does; throwing fails it. */
  @FunctionalInterface
  interface Behaviour {
    void attempt(ContactId contactId, int attempt);
  }

  /** One call of {@link #giveUp}. */
  record GiveUp(ContactId contactId, String cause, int attempts) {}

  /** One call of {@link #run}. */
  record Run(ContactId contactId, int attempt, Instant at) {}

  private final Behaviour behaviour;
  private final ConcurrentHashMap<ContactId, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ContactId, AtomicInteger> running = new ConcurrentHashMap<>();
  final List<Run> runs = new CopyOnWriteArrayList<>();
  final List<GiveUp> giveUps = new CopyOnWriteArrayList<>();
  final AtomicInteger mostAtOnceForOneContact = new AtomicInteger();

  RecordingHandler(Behaviour behaviour) {
    this.behaviour = behaviour;
  }

  static RecordingHandler succeeding() {
    return new RecordingHandler((contactId, attempt) -> {});
  }

  @Override
  public void run(ContactId contactId) {
    int attempt = attempts.computeIfAbsent(contactId, id -> new AtomicInteger()).incrementAndGet();
    AtomicInteger now = running.computeIfAbsent(contactId, id -> new AtomicInteger());
    mostAtOnceForOneContact.accumulateAndGet(now.incrementAndGet(), Math::max);
    runs.add(new Run(contactId, attempt, Instant.now()));
    try {
      behaviour.attempt(contactId, attempt);
    } finally {
      now.decrementAndGet();
    }
  }

  @Override
  public void giveUp(ContactId contactId, String cause, int attempts) {
    giveUps.add(new GiveUp(contactId, cause, attempts));
  }

  long runsOf(ContactId contactId) {
    return runs.stream().filter(run -> run.contactId().equals(contactId)).count();
  }
}
