package io.ghlcredly.testkit.ghl;

import java.net.URI;
import java.util.Map;

/**
 * One POST of a webhook to the receiver, and what it answered.
 *
 * @param webhookId the payload's {@code webhookId}; retries and redeliveries keep it
 * @param type event type, such as {@code ContactTagUpdate}
 * @param contactId the contact the event is about
 * @param body the exact JSON sent (UTF-8); the signatures cover these bytes
 * @param headers the headers sent, including {@code x-ghl-signature} and {@code x-wh-signature}
 * @param attempt 1 for the first send of this webhookId, then counting 429 retries and redeliveries
 * @param status the receiver's HTTP status, or 0 when no answer came (refused, timed out)
 * @param responseBody what the receiver answered, empty when nothing came
 */
public record WebhookDelivery(
    String webhookId,
    String type,
    String contactId,
    URI url,
    String body,
    Map<String, String> headers,
    int attempt,
    int status,
    String responseBody) {
  public WebhookDelivery {
    headers = Map.copyOf(headers);
  }

  /** True when the receiver answered 2xx. */
  public boolean succeeded() {
    return status / 100 == 2;
  }
}
