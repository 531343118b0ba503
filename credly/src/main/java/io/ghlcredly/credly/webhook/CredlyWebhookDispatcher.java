package io.ghlcredly.credly.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.credly.webhook.CredlyWebhookReceiver.Verdict;
import io.ghlcredly.http.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hands each Credly webhook to the receiver of the organization it names ({@code organization_id}
 * of the hint): with several workspaces, one URL serves every Credly organization, and each event
 * is fetched with its own organization's credentials. The hint's organization only picks whom to
 * ask; the receiver checks the fetched event's organization again. With one organization every hint
 * goes to it, as before workspaces. Thread-safe.
 */
public final class CredlyWebhookDispatcher {
  private final Map<String, CredlyWebhookReceiver> receivers;
  private final JsonCodec codec = new JsonCodec();

  public CredlyWebhookDispatcher(Map<String, CredlyWebhookReceiver> byOrganization) {
    if (byOrganization.isEmpty()) {
      throw new IllegalArgumentException("at least one Credly organization is needed");
    }
    Map<String, CredlyWebhookReceiver> lowerCase = new LinkedHashMap<>();
    byOrganization.forEach((id, receiver) -> lowerCase.put(id.toLowerCase(Locale.ROOT), receiver));
    this.receivers = Map.copyOf(lowerCase);
  }

  /** What to do with a delivery; see {@link CredlyWebhookReceiver#receive}. */
  public Verdict receive(byte[] body) {
    if (receivers.size() == 1) {
      return receivers.values().iterator().next().receive(body);
    }
    Optional<JsonNode> hint =
        codec.findTree(new String(body, StandardCharsets.UTF_8)).filter(JsonNode::isObject);
    if (hint.isEmpty()) {
      return new Verdict.Malformed("body is not a JSON object");
    }
    JsonNode organization = hint.get().path("organization_id");
    if (!organization.isTextual() || organization.asText().isBlank()) {
      return new Verdict.Malformed(
          "body has no organization_id (this service serves several Credly organizations)");
    }
    CredlyWebhookReceiver receiver = receivers.get(organization.asText().toLowerCase(Locale.ROOT));
    // Answered 200: Credly would otherwise retry an event no workspace of ours wants for 25 days.
    return receiver == null
        ? new Verdict.Ignored("event of an organization no workspace issues from")
        : receiver.receive(body);
  }
}
