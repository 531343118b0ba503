package io.ghlcredly.ghl.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.ghl.webhook.WebhookVerdict.Accepted;
import io.ghlcredly.ghl.webhook.WebhookVerdict.Rejected;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GhlWebhookVerifierTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final InstantSource CLOCK = InstantSource.fixed(NOW);
  private static final Duration MAX_AGE = Duration.ofMinutes(5);

  // Generated once: RSA key generation is slow, and the tests never change the keys.
  private static final KeyPair ed25519 = generate("Ed25519");
  private static final KeyPair rotatedEd25519 = generate("Ed25519");
  private static final KeyPair rsa = generate("RSA");
  private static final GhlWebhookKeys keys =
      new GhlWebhookKeys(List.of(ed25519.getPublic()), List.of(rsa.getPublic()));

  @Test
  void acceptsBodySignedWithEd25519() {
    byte[] body = payload("wh-1", NOW.minusSeconds(30));

    WebhookVerdict verdict =
        verifier(false).verify(body, Map.of("x-ghl-signature", sign("Ed25519", ed25519, body)));

    assertThat(verdict)
        .isInstanceOfSatisfying(
            Accepted.class,
            accepted -> {
              assertThat(accepted.webhookId().value()).isEqualTo("wh-1");
              assertThat(accepted.payload().get("type").asText()).isEqualTo("ContactTagUpdate");
            });
  }

  @Test
  void rejectsTamperedBody() {
    byte[] body = payload("wh-1", NOW);
    String signature = sign("Ed25519", ed25519, body);
    byte[] tampered =
        new String(body, StandardCharsets.UTF_8)
            .replace("vip", "vib")
            .getBytes(StandardCharsets.UTF_8);

    WebhookVerdict verdict = verifier(false).verify(tampered, Map.of("x-ghl-signature", signature));

    assertThat(verdict).isEqualTo(new Rejected(401, "signature does not match"));
  }

  @Test
  void rejectsSignatureFromUnknownKey() {
    byte[] body = payload("wh-1", NOW);

    WebhookVerdict verdict =
        verifier(false)
            .verify(body, Map.of("x-ghl-signature", sign("Ed25519", rotatedEd25519, body)));

    assertThat(verdict).isEqualTo(new Rejected(401, "signature does not match"));
  }

  @Test
  void acceptsSecondKeyInListDuringRotation() {
    GhlWebhookKeys rotating =
        new GhlWebhookKeys(List.of(ed25519.getPublic(), rotatedEd25519.getPublic()), List.of());
    byte[] body = payload("wh-1", NOW);

    WebhookVerdict verdict =
        new GhlWebhookVerifier(rotating, false, MAX_AGE, 65_536, CLOCK)
            .verify(body, Map.of("x-ghl-signature", sign("Ed25519", rotatedEd25519, body)));

    assertThat(verdict).isInstanceOf(Accepted.class);
  }

  @Test
  void rejectsMissingSignature() {
    WebhookVerdict verdict = verifier(true).verify(payload("wh-1", NOW), Map.of());

    assertThat(verdict).isEqualTo(new Rejected(401, "missing signature"));
  }

  @Test
  void treatsNotApplicableHeaderAsMissing() {
    WebhookVerdict verdict =
        verifier(true).verify(payload("wh-1", NOW), Map.of("x-ghl-signature", "N/A"));

    assertThat(verdict).isEqualTo(new Rejected(401, "missing signature"));
  }

  @Test
  void fallsBackToLegacyRsaWhenEd25519HeaderIsNotApplicableAndLegacyAccepted() {
    byte[] body = payload("wh-1", NOW);

    WebhookVerdict verdict =
        verifier(true)
            .verify(
                body,
                Map.of(
                    "x-ghl-signature", "N/A", "x-wh-signature", sign("SHA256withRSA", rsa, body)));

    assertThat(verdict).isInstanceOf(Accepted.class);
  }

  @Test
  void refusesLegacyRsaWhenNotAccepted() {
    byte[] body = payload("wh-1", NOW);

    WebhookVerdict verdict =
        verifier(false).verify(body, Map.of("x-wh-signature", sign("SHA256withRSA", rsa, body)));

    assertThat(verdict)
        .isInstanceOfSatisfying(
            Rejected.class,
            rejected -> {
              assertThat(rejected.status()).isEqualTo(401);
              assertThat(rejected.reason()).startsWith("missing signature");
            });
  }

  @Test
  void rejectsWrongRsaSignature() {
    byte[] body = payload("wh-1", NOW);
    byte[] other = payload("wh-2", NOW);

    WebhookVerdict verdict =
        verifier(true).verify(body, Map.of("x-wh-signature", sign("SHA256withRSA", rsa, other)));

    assertThat(verdict).isEqualTo(new Rejected(401, "signature does not match"));
  }

  @Test
  void doesNotFallBackToRsaWhenEd25519SignatureIsWrong() {
    byte[] body = payload("wh-1", NOW);

    WebhookVerdict verdict =
        verifier(true)
            .verify(
                body,
                Map.of(
                    "x-ghl-signature",
                    sign("Ed25519", rotatedEd25519, body),
                    "x-wh-signature",
                    sign("SHA256withRSA", rsa, body)));

    assertThat(verdict).isEqualTo(new Rejected(401, "signature does not match"));
  }

  @Test
  void rejectsGarbledSignatureAsMismatch() {
    WebhookVerdict verdict =
        verifier(false).verify(payload("wh-1", NOW), Map.of("x-ghl-signature", "%%%not-base64"));

    assertThat(verdict).isEqualTo(new Rejected(401, "signature does not match"));
  }

  @Test
  void rejectsStaleTimestamp() {
    byte[] body = payload("wh-1", NOW.minus(MAX_AGE).minusSeconds(1));

    WebhookVerdict verdict =
        verifier(false).verify(body, Map.of("x-ghl-signature", sign("Ed25519", ed25519, body)));

    assertThat(verdict).isEqualTo(new Rejected(401, "stale timestamp"));
  }

  @Test
  void rejectsTimestampTooFarInTheFuture() {
    byte[] body = payload("wh-1", NOW.plus(MAX_AGE).plusSeconds(1));

    WebhookVerdict verdict =
        verifier(false).verify(body, Map.of("x-ghl-signature", sign("Ed25519", ed25519, body)));

    assertThat(verdict).isEqualTo(new Rejected(401, "timestamp in the future"));
  }

  @Test
  void acceptsSmallClockSkewIntoTheFuture() {
    byte[] body = payload("wh-1", NOW.plusSeconds(20));

    WebhookVerdict verdict =
        verifier(false).verify(body, Map.of("x-ghl-signature", sign("Ed25519", ed25519, body)));

    assertThat(verdict).isInstanceOf(Accepted.class);
  }

  @Test
  void rejectsOversizedBodyBeforeCheckingSignature() {
    byte[] body = payload("wh-1", NOW);

    WebhookVerdict verdict =
        new GhlWebhookVerifier(keys, false, MAX_AGE, body.length - 1, CLOCK)
            .verify(body, Map.of("x-ghl-signature", sign("Ed25519", ed25519, body)));

    assertThat(verdict)
        .isInstanceOfSatisfying(
            Rejected.class, rejected -> assertThat(rejected.status()).isEqualTo(413));
  }

  @Test
  void rejectsSignedMalformedJsonWith400() {
    byte[] body = "{\"type\":".getBytes(StandardCharsets.UTF_8);

    WebhookVerdict verdict =
        verifier(false).verify(body, Map.of("x-ghl-signature", sign("Ed25519", ed25519, body)));

    assertThat(verdict).isEqualTo(new Rejected(400, "malformed JSON"));
  }

  @Test
  void rejectsPayloadWithoutWebhookIdNamingTheField() {
    byte[] body = json("{\"type\":\"ContactUpdate\",\"timestamp\":\"" + NOW + "\"}");

    WebhookVerdict verdict =
        verifier(false).verify(body, Map.of("x-ghl-signature", sign("Ed25519", ed25519, body)));

    assertThat(verdict).isEqualTo(new Rejected(400, "missing webhookId"));
  }

  @Test
  void rejectsPayloadWithoutTimestampNamingTheField() {
    byte[] body = json("{\"type\":\"ContactUpdate\",\"webhookId\":\"wh-1\"}");

    WebhookVerdict verdict =
        verifier(false).verify(body, Map.of("x-ghl-signature", sign("Ed25519", ed25519, body)));

    assertThat(verdict).isEqualTo(new Rejected(400, "missing timestamp"));
  }

  @Test
  void findsSignatureHeaderWhateverItsCase() {
    byte[] body = payload("wh-1", NOW);
    Map<String, String> headers = new HashMap<>();
    headers.put("X-GHL-Signature", sign("Ed25519", ed25519, body));

    assertThat(verifier(false).verify(body, headers)).isInstanceOf(Accepted.class);
  }

  private GhlWebhookVerifier verifier(boolean acceptLegacyRsa) {
    return new GhlWebhookVerifier(keys, acceptLegacyRsa, MAX_AGE, 65_536, CLOCK);
  }

  private static byte[] payload(String webhookId, Instant timestamp) {
    return json(
        "{\"type\":\"ContactTagUpdate\",\"locationId\":\"loc1\",\"id\":\"c1\",\"tags\":[\"vip\"],"
            + "\"timestamp\":\""
            + timestamp
            + "\",\"webhookId\":\""
            + webhookId
            + "\"}");
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static KeyPair generate(String algorithm) {
    try {
      return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(String algorithm, KeyPair pair, byte[] body) {
    try {
      PrivateKey key = pair.getPrivate();
      Signature signature = Signature.getInstance(algorithm);
      signature.initSign(key);
      signature.update(body);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
