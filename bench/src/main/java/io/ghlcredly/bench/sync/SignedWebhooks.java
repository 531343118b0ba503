package io.ghlcredly.bench.sync;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds HighLevel contact webhooks signed with a key of its own (Ed25519, {@code
 * x-ghl-signature}): the service under test is configured with {@link #publicKeyPem()}. Signing
 * happens before a run starts, so the load driver only sends. Thread-safe.
 */
final class SignedWebhooks {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final KeyPair keys;
  private final String locationId;

  SignedWebhooks(String locationId) {
    this.locationId = locationId;
    try {
      this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks Ed25519", e);
    }
  }

  String publicKeyPem() {
    String base64 =
        Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPublic().getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
  }

  /** A {@code ContactTagUpdate} for the contact, as HighLevel sends it, with a new webhookId. */
  Webhook tagUpdate(String contactId, String email, String tag) {
    String body =
        """
        {"type":"ContactTagUpdate","locationId":"%s","id":"%s","email":"%s",\
        "firstName":"Bench","lastName":"Contact","tags":["%s"],"attachments":[],\
        "timestamp":"%s","webhookId":"%s"}"""
            .formatted(
                locationId,
                contactId,
                email,
                tag,
                TIMESTAMP.format(Instant.now()),
                UUID.randomUUID());
    return new Webhook(contactId, body, sign(body.getBytes(StandardCharsets.UTF_8)));
  }

  private String sign(byte[] body) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(keys.getPrivate());
      signature.update(body);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with Ed25519", e);
    }
  }

  /** One signed webhook, ready to post. */
  record Webhook(String contactId, String body, String signature) {}
}
