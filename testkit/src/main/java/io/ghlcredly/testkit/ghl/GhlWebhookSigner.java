package io.ghlcredly.testkit.ghl;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/**
 * Signs webhook bodies as HighLevel does, with keys generated per emulator: Ed25519 for {@code
 * x-ghl-signature} and RSA SHA-256 (PKCS#1 v1.5) for the legacy {@code x-wh-signature}, both base64
 * over the exact body bytes. Thread-safe (a {@link Signature} per call).
 */
final class GhlWebhookSigner {
  private final KeyPair ed25519;
  private final KeyPair rsa;

  GhlWebhookSigner() {
    try {
      ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
      // HighLevel's key is RSA-4096; 2048 keeps emulator start-up fast and verifies the same way.
      rsaGenerator.initialize(2048);
      rsa = rsaGenerator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks Ed25519 or RSA", e);
    }
  }

  /** The two signature headers for this body. */
  Map<String, String> signatureHeaders(byte[] body) {
    return Map.of(
        "x-ghl-signature", sign("Ed25519", ed25519.getPrivate(), body),
        "x-wh-signature", sign("SHA256withRSA", rsa.getPrivate(), body));
  }

  String ed25519PublicKeyPem() {
    return pem(ed25519.getPublic());
  }

  String rsaPublicKeyPem() {
    return pem(rsa.getPublic());
  }

  private static String sign(String algorithm, PrivateKey key, byte[] body) {
    try {
      Signature signature = Signature.getInstance(algorithm);
      signature.initSign(key);
      signature.update(body);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + algorithm, e);
    }
  }

  private static String pem(PublicKey key) {
    String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
  }
}
