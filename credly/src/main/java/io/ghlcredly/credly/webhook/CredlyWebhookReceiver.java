package io.ghlcredly.credly.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.credly.CredlyClient;
import io.ghlcredly.credly.api.EventDto;
import io.ghlcredly.http.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one Credly webhook delivery up to the point of storing it. Credly signs nothing
 * (credly.md §6e), so the body {@code {"id","organization_id","event_type","occurred_at"}} is only
 * a hint: the event is fetched by id with our own credentials, and only what the API says counts. A
 * hint for another organization or an event the API does not know is ignored (answered 200, so
 * Credly stops sending it); a failed fetch is {@link Verdict.Unavailable} (answer non-200: Credly
 * retries for up to 25 days).
 *
 * <p>Anyone can post a hint, and each costs an authenticated Credly call, so: an id that is not a
 * Credly event id (a UUID) is refused before any call; fetches run in the client's hint lane
 * ({@link CredlyClient#eventInHintLane}), a few slots of their own that never queue, so issuance
 * never waits behind them, and a hint that finds the lane full is {@link Verdict.Unavailable}; ids
 * Credly does not know are remembered for {@link #FORGET_UNKNOWN} ({@link #UNKNOWN_CAPACITY} at
 * most), so repeating one costs a single call. Thread-safe.
 */
public final class CredlyWebhookReceiver {
  private static final Logger log = LoggerFactory.getLogger(CredlyWebhookReceiver.class);
  private static final String UNKNOWN_EVENT = "Credly does not know this event";
  private static final int NOT_FOUND = 404;

  /** Credly's ids are UUIDs (credly.md §3, §6d; every recorded sample), in either case. */
  private static final Pattern EVENT_ID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** How long an id Credly answered 404 for is not asked about again. */
  static final Duration FORGET_UNKNOWN = Duration.ofHours(1);

  /** The most unknown ids remembered at once (about a megabyte). */
  static final int UNKNOWN_CAPACITY = 10_000;

  private final CredlyClient client;
  private final String organizationId;
  private final JsonCodec codec;
  private final CredlyEventTranslator translator = new CredlyEventTranslator();
  private final InstantSource clock;
  private final UnknownEvents unknown;

  public CredlyWebhookReceiver(CredlyClient client, String organizationId, InstantSource clock) {
    this.client = client;
    this.organizationId = organizationId.toLowerCase(Locale.ROOT);
    this.codec = new JsonCodec();
    this.clock = clock;
    this.unknown = new UnknownEvents(UNKNOWN_CAPACITY, FORGET_UNKNOWN, clock);
  }

  /** What to do with a delivery. */
  public sealed interface Verdict {
    /** Store this event (the inbox deduplicates by its id), then answer 200. */
    record Accepted(SyncEvent event, String payload) implements Verdict {}

    /** Nothing to store; answer 200 so Credly does not send it again. */
    record Ignored(String reason) implements Verdict {}

    /** The body is not a Credly webhook; answer 400. The reason never quotes the body. */
    record Malformed(String reason) implements Verdict {}

    /**
     * The event could not be fetched now (Credly failed, or the hint lane is full); answer 503 so
     * Credly delivers it again later.
     */
    record Unavailable(String reason) implements Verdict {}
  }

  public Verdict receive(byte[] body) {
    String payload = new String(body, StandardCharsets.UTF_8);
    Optional<JsonNode> hint = codec.findTree(payload).filter(JsonNode::isObject);
    if (hint.isEmpty()) {
      return new Verdict.Malformed("body is not a JSON object");
    }
    JsonNode idNode = hint.get().path("id");
    if (!idNode.isTextual() || idNode.asText().isBlank()) {
      return new Verdict.Malformed("body has no event id");
    }
    String id = idNode.asText();
    if (!EVENT_ID.matcher(id).matches()) {
      return new Verdict.Malformed("event id is not a Credly id (a UUID)");
    }
    JsonNode organization = hint.get().path("organization_id");
    if (organization.isTextual() && !ours(organization.asText())) {
      return ignored(id, "event of another organization");
    }
    if (unknown.contains(id)) {
      // Not logged: a flood repeating one forged id would otherwise fill the log.
      return new Verdict.Ignored(UNKNOWN_EVENT);
    }
    return fetchAndTranslate(id, payload);
  }

  private Verdict fetchAndTranslate(String id, String payload) {
    Optional<EventDto> fetched;
    try {
      fetched = client.eventInHintLane(id);
    } catch (ApiException e) {
      if (e.status() == NOT_FOUND) {
        unknown.remember(id);
        return ignored(id, UNKNOWN_EVENT);
      }
      log.atWarn()
          .addKeyValue("eventId", id)
          .addKeyValue("cause", e.getMessage())
          .log("cannot fetch the Credly event; Credly will deliver it again");
      return new Verdict.Unavailable("cannot fetch the event from Credly now");
    }
    if (fetched.isEmpty()) {
      // Per delivery at DEBUG only: a flood must not turn into a flood of log lines.
      log.atDebug().addKeyValue("eventId", id).log("Credly hint lane full; asked for a redelivery");
      return new Verdict.Unavailable("too many Credly webhooks in progress, retry later");
    }
    EventDto event = fetched.get();
    if (event.organizationId() != null && !ours(event.organizationId())) {
      return ignored(id, "event of another organization");
    }
    return switch (translator.translate(event, clock.instant(), organizationId)) {
      case CredlyEventTranslator.Translation.Event accepted ->
          new Verdict.Accepted(accepted.event(), payload);
      case CredlyEventTranslator.Translation.Skipped skipped -> ignored(id, skipped.reason());
    };
  }

  /** The organization whose events this receiver fetches (lower case). */
  public String organizationId() {
    return organizationId;
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
