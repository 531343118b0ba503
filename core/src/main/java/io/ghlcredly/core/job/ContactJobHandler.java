package io.ghlcredly.core.job;

import io.ghlcredly.core.model.ContactId;

/** The work behind a per-contact job, called by the job queue's workers. */
public interface ContactJobHandler {
  /** Runs one attempt. Throwing means the attempt failed; the queue asks the classifier. */
  void run(ContactId contactId);

  /** Called once when the job fails for good, so the pending work lands in the dead letters. */
  void giveUp(ContactId contactId, String cause, int attempts);
}
