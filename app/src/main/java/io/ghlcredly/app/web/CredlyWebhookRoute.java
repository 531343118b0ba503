package io.ghlcredly.app.web;

import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.sync.EventIntake;
import io.ghlcredly.credly.webhook.CredlyWebhookDispatcher;
import io.ghlcredly.credly.webhook.CredlyWebhookReceiver;
import io.ghlcredly.credly.webhook.CredlyWebhookReceiver.Verdict;
import io.ghlcredly.web.Route;
import io.ghlcredly.web.WebhookRequest;
import io.ghlcredly.web.WebhookResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/credly}: Credly's event notifications. Credly signs nothing, so the body is
 * a hint: the event is fetched from Credly's API by id, stored in the inbox (unique per event id,
 * so redeliveries are no-ops), and only then answered 200. Credly retries anything but a 200 for up
 * to 25 days, so a duplicate and an event we do not sync are answered 200 too, and a failure that a
 * later delivery can overcome (Credly or our storage unavailable, or too many hints being fetched
 * at once) gets 503 with {@code Retry-After}. An id that is not a Credly event id gets 400 before
 * any call to Credly (see {@link CredlyWebhookReceiver} for the limits on what hints may cost).
 */
public final class CredlyWebhookRoute implements Route {
  private static final Logger log = LoggerFactory.getLogger(CredlyWebhookRoute.class);
  static final String SOURCE = "credly";

  private final CredlyWebhookDispatcher receiver;
  private final EventIntake intake;

  /** Every hint goes to the one organization's receiver. */
  public CredlyWebhookRoute(CredlyWebhookReceiver receiver, EventIntake intake) {
    this(new CredlyWebhookDispatcher(Map.of(receiver.organizationId(), receiver)), intake);
  }

  /** Hints go to the receiver of the organization they name (see the dispatcher). */
  public CredlyWebhookRoute(CredlyWebhookDispatcher receiver, EventIntake intake) {
    this.receiver = receiver;
    this.intake = intake;
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    return switch (request.body()) {
      case WebhookRequest.Body.TooLarge tooLarge ->
          reject(413, "body larger than the webhook limit of " + tooLarge.limit() + " bytes");
      case WebhookRequest.Body.Complete complete -> receive(complete.bytes().toArray());
    };
  }

  private WebhookResponse receive(byte[] body) {
    return switch (receiver.receive(body)) {
      case Verdict.Accepted accepted -> store(accepted.event(), accepted.payload());
      case Verdict.Ignored ignored -> WebhookResponse.ok("ignored: " + ignored.reason());
      case Verdict.Malformed malformed -> reject(400, malformed.reason());
      case Verdict.Unavailable unavailable -> retryLater(unavailable.reason());
    };
  }

  private WebhookResponse store(SyncEvent event, String payload) {
    try {
      return switch (intake.accept(SOURCE, event, payload)) {
        case ACCEPTED -> WebhookResponse.ok("accepted");
        // Credly delivers at least once: a repeat is expected and must not be retried.
        case DUPLICATE -> WebhookResponse.ok("duplicate");
      };
    } catch (StorageException e) {
      log.atError()
          .addKeyValue("eventId", event.eventId())
          .setCause(e)
          .log("cannot store Credly webhook");
      return retryLater("storage unavailable, retry later");
    }
  }

  private static WebhookResponse retryLater(String reason) {
    return new WebhookResponse(
        503, WebhookResponse.error(503, reason).jsonBody(), Map.of("Retry-After", "60"));
  }

  private static WebhookResponse reject(int status, String reason) {
    log.atWarn()
        .addKeyValue("status", status)
        .addKeyValue("reason", reason)
        .log("Credly webhook rejected");
    return WebhookResponse.error(status, reason);
  }
}
