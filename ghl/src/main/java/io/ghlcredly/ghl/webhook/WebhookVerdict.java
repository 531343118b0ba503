package io.ghlcredly.ghl.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.core.model.EventId;

/** The outcome of checking one incoming webhook. Closed set, handled exhaustively. */
public sealed interface WebhookVerdict {
  /**
   * Authentic and fresh: hand the payload to the parser and the inbox.
   *
   * @param payload the parsed JSON object (not shared: the verifier keeps no reference)
   * @param webhookId the payload's {@code webhookId}, the key for duplicate detection
   */
  record Accepted(JsonNode payload, EventId webhookId) implements WebhookVerdict {}

  /**
   * Refused: answer {@code status} with {@code reason} (safe to return to the caller and to log: it
   * never holds body content or signatures).
   */
  record Rejected(int status, String reason) implements WebhookVerdict {}
}
