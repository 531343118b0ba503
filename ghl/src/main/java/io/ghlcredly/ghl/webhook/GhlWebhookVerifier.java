package io.ghlcredly.ghl.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.ghl.webhook.WebhookVerdict.Accepted;
import io.ghlcredly.ghl.webhook.WebhookVerdict.Rejected;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks an incoming HighLevel webhook, in this order, over the <em>raw</em> body bytes:
 *
 * <ol>
 *   <li>size: more than {@code maxBodyBytes} → 413;
 *   <li>signature: {@code x-ghl-signature} (Ed25519, base64) when present, against every configured
 *       Ed25519 key (rotation); otherwise {@code x-wh-signature} (RSA SHA-256, base64) only when
 *       {@code acceptLegacyRsa}. A header whose value is {@code N/A} counts as absent. An Ed25519
 *       header that does not verify is final: no fallback to RSA (as the official SDK), so a forged
 *       Ed25519 header cannot downgrade to the legacy scheme. Missing or wrong → 401;
 *   <li>JSON: not a JSON object → 400;
 *   <li>{@code webhookId} and {@code timestamp} present → else 400 naming the field; an unreadable
 *       timestamp → 400;
 *   <li>freshness: a timestamp more than {@code maxAge} in the past ("stale timestamp") or in the
 *       future ("timestamp in the future") → 401, because a correctly signed but old message is a
 *       replay, an authentication failure; HighLevel retries only on 429, so it will not resend.
 * </ol>
 *
 * The signature is checked before the body is parsed so that unauthenticated input is never parsed.
 * HighLevel retries 429 answers for up to about 70 minutes, possibly with the original timestamp:
 * choose {@code maxAge} with that in mind; duplicate {@code webhookId}s are caught by the inbox,
 * not here. Thread-safe (keys are immutable; a {@link Signature} is made per call).
 */
public final class GhlWebhookVerifier {
  /** Header of the current Ed25519 scheme. */
  public static final String ED25519_HEADER = "x-ghl-signature";

  /** Header of the legacy RSA scheme, announced for removal in 2026. */
  public static final String RSA_HEADER = "x-wh-signature";

  private final GhlWebhookKeys keys;
  private final List<Ed25519Check> ed25519Checks;
  private final boolean acceptLegacyRsa;
  private final Duration maxAge;
  private final long maxBodyBytes;
  private final InstantSource clock;
  private final ObjectMapper mapper = new ObjectMapper();

  public GhlWebhookVerifier(
      GhlWebhookKeys keys,
      boolean acceptLegacyRsa,
      Duration maxAge,
      long maxBodyBytes,
      InstantSource clock) {
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
    }
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
    }
    this.keys = keys;
    this.ed25519Checks = keys.ed25519Keys().stream().map(Ed25519Check::of).toList();
    this.acceptLegacyRsa = acceptLegacyRsa;
    this.maxAge = maxAge;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
  }

  /**
   * Checks one request; see the class comment for the rules and statuses.
   *
   * @param rawBody the request body exactly as received
   * @param headersLowerCase request headers; names are expected lower-case (looked up
   *     case-insensitively as a fallback)
   */
  public WebhookVerdict verify(byte[] rawBody, Map<String, String> headersLowerCase) {
    if (rawBody.length > maxBodyBytes) {
      return new Rejected(413, "body larger than " + maxBodyBytes + " bytes");
    }
    Rejected signatureProblem = checkSignature(rawBody, headersLowerCase);
    if (signatureProblem != null) {
      return signatureProblem;
    }
    JsonNode payload;
    try {
      payload = mapper.readTree(rawBody);
    } catch (IOException e) {
      return new Rejected(400, "malformed JSON");
    }
    if (payload == null || !payload.isObject()) {
      return new Rejected(400, "payload is not a JSON object");
    }
    String webhookId = text(payload, "webhookId");
    if (webhookId == null) {
      return new Rejected(400, "missing webhookId");
    }
    String timestamp = text(payload, "timestamp");
    if (timestamp == null) {
      return new Rejected(400, "missing timestamp");
    }
    Rejected staleness = checkTimestamp(timestamp);
    if (staleness != null) {
      return staleness;
    }
    return new Accepted(payload, new EventId(webhookId));
  }

  private @Nullable Rejected checkSignature(byte[] body, Map<String, String> headers) {
    String ed25519 = header(headers, ED25519_HEADER);
    // Without configured Ed25519 keys the operator relies on RSA alone, so fall through to it.
    if (ed25519 != null && !ed25519Checks.isEmpty()) {
      return anyEd25519Verifies(body, ed25519)
          ? null
          : new Rejected(401, "signature does not match");
    }
    String rsa = header(headers, RSA_HEADER);
    if (rsa == null) {
      return new Rejected(401, "missing signature");
    }
    if (!acceptLegacyRsa) {
      return new Rejected(401, "missing signature (legacy " + RSA_HEADER + " not accepted)");
    }
    return anyVerifies("SHA256withRSA", keys.rsaKeys(), body, rsa)
        ? null
        : new Rejected(401, "signature does not match");
  }

  private boolean anyEd25519Verifies(byte[] body, String base64Signature) {
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(base64Signature.trim());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    for (Ed25519Check check : ed25519Checks) {
      if (check.verifies(body, signature)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyVerifies(
      String algorithm, List<PublicKey> candidates, byte[] body, String base64Signature) {
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(base64Signature.trim());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    for (PublicKey key : candidates) {
      if (verifies(algorithm, key, body, signature)) {
        return true;
      }
    }
    return false;
  }

  private static boolean verifies(String algorithm, PublicKey key, byte[] body, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(key);
      verifier.update(body);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException malformed) {
      // A wrong-length or garbled signature is a mismatch, not an error.
      return false;
    }
  }

  private @Nullable Rejected checkTimestamp(String timestamp) {
    Instant sentAt;
    try {
      sentAt = Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return new Rejected(400, "invalid timestamp");
    }
    Instant now = clock.instant();
    if (sentAt.isBefore(now.minus(maxAge))) {
      return new Rejected(401, "stale timestamp");
    }
    if (sentAt.isAfter(now.plus(maxAge))) {
      return new Rejected(401, "timestamp in the future");
    }
    return null;
  }

  private static @Nullable String text(JsonNode payload, String field) {
    JsonNode node = payload.get(field);
    if (node == null || !node.isValueNode() || node.isNull()) {
      return null;
    }
    String value = node.asText();
    return value.isBlank() ? null : value;
  }

  /** The header's value, or null when absent, blank or the literal {@code N/A}. */
  private static @Nullable String header(Map<String, String> headers, String lowerCaseName) {
    String value = headers.get(lowerCaseName);
    if (value == null) {
      for (Map.Entry<String, String> entry : headers.entrySet()) {
        if (entry.getKey().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
          value = entry.getValue();
          break;
        }
      }
    }
    if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("N/A")) {
      return null;
    }
    return value;
  }
}
