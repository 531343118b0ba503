package io.ghlcredly.credly.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.credly.CredlyClient;
import io.ghlcredly.credly.api.EventDto;
import io.ghlcredly.http.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one Credly webhook delivery up to the point of storing it. Credly signs nothing
 * (credly.md §6e), so the body {@code {"id","organization_id","event_type","occurred_at"}} is only
 * a hint: the event is fetched by id with our own credentials, and only what the API says counts. A
 * hint for another organization or an event the API does not know is ignored (answered 200, so
 * Credly stops sending it); a failed fetch is {@link Verdict.Unavailable} (answer non-200: Credly
 * retries for up to 25 days). Thread-safe.
 */
public final class CredlyWebhookReceiver {
  private static final Logger log = LoggerFactory.getLogger(CredlyWebhookReceiver.class);
  private static final int NOT_FOUND = 404;

  private final CredlyClient client;
  private final String organizationId;
  private final JsonCodec codec;
  private final CredlyEventTranslator translator = new CredlyEventTranslator();
  private final InstantSource clock;

  public CredlyWebhookReceiver(CredlyClient client, String organizationId, InstantSource clock) {
    this.client = client;
    this.organizationId = organizationId.toLowerCase(Locale.ROOT);
    this.codec = new JsonCodec();
    this.clock = clock;
  }

  /** What to do with a delivery. */
  public sealed interface Verdict {
    /** Store this event (the inbox deduplicates by its id), then answer 200. */
    record Accepted(SyncEvent event, String payload) implements Verdict {}

    /** Nothing to store; answer 200 so Credly does not send it again. */
    record Ignored(String reason) implements Verdict {}

    /** The body is not a Credly webhook; answer 400. */
    record Malformed(String reason) implements Verdict {}

    /** The event could not be fetched now; answer 503 so Credly delivers it again later. */
    record Unavailable(String reason) implements Verdict {}
  }

  public Verdict receive(byte[] body) {
    String payload = new String(body, StandardCharsets.UTF_8);
    Optional<JsonNode> hint = codec.findTree(payload).filter(JsonNode::isObject);
    if (hint.isEmpty()) {
      return new Verdict.Malformed("body is not a JSON object");
    }
    JsonNode id = hint.get().path("id");
    if (!id.isTextual() || id.asText().isBlank()) {
      return new Verdict.Malformed("body has no event id");
    }
    JsonNode organization = hint.get().path("organization_id");
    if (organization.isTextual() && !ours(organization.asText())) {
      return ignored(id.asText(), "event of another organization");
    }
    EventDto event;
    try {
      event = client.event(id.asText());
    } catch (ApiException e) {
      if (e.status() == NOT_FOUND) {
        return ignored(id.asText(), "Credly does not know this event");
      }
      log.atWarn()
          .addKeyValue("eventId", id.asText())
          .addKeyValue("cause", e.getMessage())
          .log("cannot fetch the Credly event; Credly will deliver it again");
      return new Verdict.Unavailable("cannot fetch the event from Credly now");
    }
    if (event.organizationId() != null && !ours(event.organizationId())) {
      return ignored(id.asText(), "event of another organization");
    }
    return switch (translator.translate(event, clock.instant())) {
      case CredlyEventTranslator.Translation.Event accepted ->
          new Verdict.Accepted(accepted.event(), payload);
      case CredlyEventTranslator.Translation.Skipped skipped ->
          ignored(id.asText(), skipped.reason());
    };
  }

  private boolean ours(String organization) {
    return organizationId.equals(organization.toLowerCase(Locale.ROOT));
  }

  private static Verdict ignored(String eventId, String reason) {
    log.atInfo()
        .addKeyValue("eventId", eventId)
        .addKeyValue("reason", reason)
        .log("Credly webhook ignored");
    return new Verdict.Ignored(reason);
  }
}
