package io.ghlcredly.app.config;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Checks webhook public keys at load time, so a pasted key with a typo fails at startup. */
final class PublicKeys {
  private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String END = "-----END PUBLIC KEY-----";

  private PublicKeys() {}

  /**
   * Why {@code pem} is not an SPKI PEM public key of {@code algorithm} ("Ed25519" or "RSA"), or
   * null when it is one.
   */
  static @Nullable String problem(String pem, String algorithm) {
    String text = pem.strip();
    if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
      return "must be a PEM public key (" + BEGIN + " … " + END + ")";
    }
    String base64 =
        text.substring(BEGIN.length(), text.length() - END.length()).replaceAll("\\s", "");
    try {
      KeyFactory.getInstance(algorithm)
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
      return null;
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return "not a valid " + algorithm + " public key";
    }
  }
}
