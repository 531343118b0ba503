package io.ghlcredly.core.port;

import io.ghlcredly.core.model.SyncEvent;
import java.time.Instant;
import java.util.List;

/**
 * Makes accepted events durable together with their contacts' queued jobs: the inbox rows and the
 * job rows of a whole batch in one transaction, so that many concurrent webhooks cost one commit.
 * Implementations are thread-safe.
 */
public interface IntakeStore {
  /** An event to store, with the raw body it came in. */
  record Arrival(String source, SyncEvent event, String payload, Instant receivedAt) {}

  /** What became of one arrival. */
  enum Outcome {
    /** Stored; its contact had no queued job, so one was queued. */
    QUEUED,
    /** Stored; it joins its contact's job already queued or running. */
    COALESCED,
    /** Not stored: the inbox already holds an event with the same source and id. */
    DUPLICATE
  }

  /**
   * Stores every new arrival and queues its contact's job, in one transaction: when this throws,
   * nothing of the batch was stored.
   *
   * @return one outcome per arrival, in the same order
   * @throws io.ghlcredly.core.error.StorageException when the database fails
   */
  List<Outcome> storeAndQueue(List<Arrival> arrivals);
}
