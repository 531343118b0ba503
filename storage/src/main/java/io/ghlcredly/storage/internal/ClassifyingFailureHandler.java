package io.ghlcredly.storage.internal;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import io.ghlcredly.core.error.SyncException;
import io.ghlcredly.core.job.ContactJobHandler;
import io.ghlcredly.core.job.JobListener;
import io.ghlcredly.core.job.JobOutcome;
import io.ghlcredly.core.job.RetryClassifier;
import io.ghlcredly.core.model.ContactId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * A db-scheduler failure handler that leaves the decision to our {@link RetryClassifier}: retry at
 * the instant it names, or give up, hand the contact to {@link ContactJobHandler#giveUp} (which
 * dead-letters its pending events) and remove the job. Thread-safe.
 */
public final class ClassifyingFailureHandler implements FailureHandler<Void> {
  private static final Logger log = LoggerFactory.getLogger(ClassifyingFailureHandler.class);

  private final Supplier<ContactJobHandler> handler;
  private final Supplier<RetryClassifier> classifier;
  private final InstantSource clock;
  private final JobListener listener;

  /** Suppliers because the handler and classifier are only known when the queue starts. */
  public ClassifyingFailureHandler(
      Supplier<ContactJobHandler> handler,
      Supplier<RetryClassifier> classifier,
      InstantSource clock) {
    this(handler, classifier, clock, JobListener.NONE);
  }

  /** As above, telling {@code listener} whether each failure was retried or dead-lettered. */
  public ClassifyingFailureHandler(
      Supplier<ContactJobHandler> handler,
      Supplier<RetryClassifier> classifier,
      InstantSource clock,
      JobListener listener) {
    this.handler = handler;
    this.classifier = classifier;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
    ContactId contactId = new ContactId(complete.getExecution().taskInstance.getId());
    int attempts = complete.getExecution().consecutiveFailures + 1;
    Throwable cause =
        complete.getCause().orElseGet(() -> new IllegalStateException("failed without a cause"));
    JobOutcome outcome = classifier.get().classify(cause, attempts, clock.instant());
    switch (outcome) {
      case JobOutcome.RetryAt retry -> {
        log.atInfo()
            .addKeyValue("contactId", contactId)
            .addKeyValue("attempt", attempts)
            .addKeyValue("retryAt", retry.at())
            .addKeyValue("reason", retry.reason())
            .log("contact sync failed; will retry");
        operations.reschedule(complete, retry.at());
        listener.jobFinished(JobListener.Outcome.RETRIED);
      }
      case JobOutcome.Failed failed ->
          giveUp(complete, operations, contactId, cause, failed, attempts);
      case JobOutcome.Done done -> operations.remove();
    }
  }

  private void giveUp(
      ExecutionComplete complete,
      ExecutionOperations<Void> operations,
      ContactId contactId,
      Throwable cause,
      JobOutcome.Failed failed,
      int attempts) {
    try {
      handler.get().giveUp(contactId, failed.cause(), attempts);
    } catch (RuntimeException e) {
      // Keep the job so that giving up is tried again, rather than losing the dead letter.
      Instant retryAt =
          clock
              .instant()
              .plus(classifier.get().policy().delayAfter(attempts, ThreadLocalRandom.current()));
      log.atWarn()
          .addKeyValue("contactId", contactId)
          .addKeyValue("retryAt", retryAt)
          .addKeyValue("cause", RetryClassifier.describe(e))
          .log("could not dead-letter a failed contact sync; will try again");
      operations.reschedule(complete, retryAt);
      listener.jobFinished(JobListener.Outcome.RETRIED);
      return;
    }
    LoggingEventBuilder event =
        log.atWarn()
            .addKeyValue("contactId", contactId)
            .addKeyValue("attempts", attempts)
            .addKeyValue("cause", failed.cause());
    if (!(cause instanceof SyncException)) {
      // Not one of ours: likely a bug, so keep the stack trace.
      event = event.setCause(cause);
    }
    event.log("contact sync failed for good");
    operations.remove();
    listener.jobFinished(JobListener.Outcome.DEAD_LETTERED);
  }
}
