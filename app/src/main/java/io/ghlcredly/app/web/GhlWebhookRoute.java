package io.ghlcredly.app.web;

import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.core.model.AccountEvent;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.port.AccountEvents;
import io.ghlcredly.core.sync.EventIntake;
import io.ghlcredly.ghl.webhook.GhlWebhookParser;
import io.ghlcredly.ghl.webhook.GhlWebhookVerifier;
import io.ghlcredly.ghl.webhook.ParsedWebhook;
import io.ghlcredly.ghl.webhook.WebhookVerdict;
import io.ghlcredly.web.Route;
import io.ghlcredly.web.WebhookRequest;
import io.ghlcredly.web.WebhookResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/ghl}: verifies the signature over the raw body, checks freshness, makes the
 * event durable, then answers. GHL retries only on 429, so when the event cannot be stored we
 * answer 429: any other failure status would lose the event for good. Contact, note and task events
 * go to the inbox; app installs and uninstalls go to {@link AccountEvents} instead.
 */
public final class GhlWebhookRoute implements Route {
  private static final Logger log = LoggerFactory.getLogger(GhlWebhookRoute.class);
  static final String SOURCE = "ghl";

  private final GhlWebhookVerifier verifier;
  private final GhlWebhookParser parser;
  private final EventIntake intake;
  private final AccountEvents accounts;

  /** Account events are only logged: for setups without OAuth accounts. */
  public GhlWebhookRoute(GhlWebhookVerifier verifier, GhlWebhookParser parser, EventIntake intake) {
    this(verifier, parser, intake, GhlWebhookRoute::logOnly);
  }

  public GhlWebhookRoute(
      GhlWebhookVerifier verifier,
      GhlWebhookParser parser,
      EventIntake intake,
      AccountEvents accounts) {
    this.verifier = verifier;
    this.parser = parser;
    this.intake = intake;
    this.accounts = accounts;
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    String contentType = request.headers().get("content-type");
    if (contentType != null && !isJson(contentType)) {
      String shown = contentType.length() > 80 ? contentType.substring(0, 80) + "…" : contentType;
      return reject(415, "Content-Type must be application/json, got " + shown);
    }
    return switch (request.body()) {
      case WebhookRequest.Body.TooLarge tooLarge ->
          reject(413, "body larger than the webhook limit of " + tooLarge.limit() + " bytes");
      case WebhookRequest.Body.Complete complete ->
          verifyAndStore(complete.bytes().toArray(), request.headers());
    };
  }

  private WebhookResponse verifyAndStore(byte[] body, Map<String, String> headers) {
    return switch (verifier.verify(body, headers)) {
      case WebhookVerdict.Rejected rejected -> reject(rejected.status(), rejected.reason());
      case WebhookVerdict.Accepted accepted -> {
        ParsedWebhook parsed;
        try {
          parsed = parser.parse(accepted.payload(), accepted.webhookId());
        } catch (IllegalArgumentException malformed) {
          yield reject(400, String.valueOf(malformed.getMessage()));
        }
        yield switch (parsed) {
          case ParsedWebhook.Ignored ignored ->
              WebhookResponse.ok("ignored: event type not synced");
          case ParsedWebhook.ContactWebhook contact ->
              store(contact.event(), new String(body, StandardCharsets.UTF_8));
          case ParsedWebhook.AccountWebhook account -> apply(account.event());
        };
      }
    };
  }

  private WebhookResponse apply(AccountEvent event) {
    try {
      return switch (accounts.accept(event)) {
        case APPLIED -> WebhookResponse.ok("accepted");
        // As for contact events: a resend or a replay, nothing to do.
        case DUPLICATE -> WebhookResponse.error(409, "duplicate webhookId " + event.eventId());
        case STALE -> WebhookResponse.ok("ignored: older than a later install or uninstall");
      };
    } catch (StorageException e) {
      log.atError()
          .addKeyValue("eventId", event.eventId())
          .setCause(e)
          .log("cannot apply account webhook");
      return new WebhookResponse(
          429, "{\"error\":\"storage unavailable, retry later\"}", Map.of("Retry-After", "60"));
    }
  }

  private static AccountEvents.Outcome logOnly(AccountEvent event) {
    log.atInfo()
        .addKeyValue("eventId", event.eventId())
        .addKeyValue("event", event.getClass().getSimpleName())
        .addKeyValue("locationId", event.locationId())
        .addKeyValue("companyId", event.companyId())
        .log("app account event received; no OAuth accounts to update");
    return AccountEvents.Outcome.APPLIED;
  }

  private WebhookResponse store(SyncEvent event, String payload) {
    try {
      return switch (intake.accept(SOURCE, event, payload)) {
        case ACCEPTED -> WebhookResponse.ok("accepted");
        // GHL resends, or a replay: either way nothing to do, and nothing alarming.
        case DUPLICATE -> WebhookResponse.error(409, "duplicate webhookId " + event.eventId());
      };
    } catch (StorageException e) {
      log.atError().addKeyValue("eventId", event.eventId()).setCause(e).log("cannot store webhook");
      return new WebhookResponse(
          429, "{\"error\":\"storage unavailable, retry later\"}", Map.of("Retry-After", "60"));
    }
  }

  /** GHL sends {@code application/json}; a missing header is let through to the signature check. */
  private static boolean isJson(String contentType) {
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  private static WebhookResponse reject(int status, String reason) {
    log.atWarn()
        .addKeyValue("status", status)
        .addKeyValue("reason", reason)
        .log("webhook rejected");
    return WebhookResponse.error(status, reason);
  }
}
