package io.ghlcredly.ghl.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import org.junit.jupiter.api.Test;

class Ed25519CheckTest {
  private static final byte[] BODY =
      "{\"type\":\"ContactTagUpdate\",\"webhookId\":\"w-1\"}".getBytes(StandardCharsets.UTF_8);

  private final KeyPair keys = generate("Ed25519");
  private final Ed25519Check check = Ed25519Check.of(keys.getPublic());

  @Test
  void acceptsWhatTheJdkSigned() throws GeneralSecurityException {
    assertThat(check.verifies(BODY, sign(keys, BODY))).isTrue();
  }

  @Test
  void refusesAChangedBody() throws GeneralSecurityException {
    byte[] signature = sign(keys, BODY);
    byte[] changed = BODY.clone();
    changed[changed.length - 3] = 'X';

    assertThat(check.verifies(changed, signature)).isFalse();
  }

  @Test
  void refusesAnotherKeysSignature() throws GeneralSecurityException {
    assertThat(check.verifies(BODY, sign(generate("Ed25519"), BODY))).isFalse();
  }

  @Test
  void refusesGarbledSignaturesWithoutThrowing() throws GeneralSecurityException {
    byte[] signature = sign(keys, BODY);
    byte[] flipped = signature.clone();
    flipped[10] ^= 1;

    assertThat(check.verifies(BODY, flipped)).isFalse();
    assertThat(check.verifies(BODY, new byte[63])).isFalse();
    assertThat(check.verifies(BODY, new byte[0])).isFalse();
  }

  @Test
  void refusesAKeyThatIsNotEd25519() {
    assertThatThrownBy(() -> Ed25519Check.of(generate("RSA").getPublic()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] sign(KeyPair pair, byte[] body) throws GeneralSecurityException {
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(pair.getPrivate());
    signer.update(body);
    return signer.sign();
  }

  private static KeyPair generate(String algorithm) {
    try {
      return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
