package io.ghlcredly.testkit.credly;

import java.net.URI;

/**
 * One POST of a Credly webhook and its answer.
 *
 * @param attempt 1 for the first delivery of the event, counting Credly's retries
 * @param status the receiver's status, 0 when nothing answered
 */
public record CredlyWebhookDelivery(
    String eventId, String eventType, URI url, String body, int attempt, int status) {
  /** Credly counts only a 200 as delivered (credly.md §6b). */
  public boolean succeeded() {
    return status == 200;
  }
}
