package io.ghlcredly.core.port;

import io.ghlcredly.core.model.ContactId;

/**
 * Durable queue of per-contact sync jobs. At most one job per contact is queued or running at a
 * time: enqueuing a contact that already has a queued job coalesces into it. Thread-safe.
 */
public interface JobQueue {
  /**
   * Queues a sync of the contact.
   *
   * @return true when a new job was queued, false when it coalesced into a queued one
   */
  boolean enqueueContactSync(ContactId contactId);
}
