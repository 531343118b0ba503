package io.ghlcredly.ghl.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class GhlWebhookKeysTest {

  @Test
  void parsesHighLevelsPublishedKeys() {
    GhlWebhookKeys keys = GhlWebhookKeys.published();

    assertThat(keys.ed25519Keys()).hasSize(1);
    assertThat(keys.rsaKeys())
        .singleElement()
        .isInstanceOfSatisfying(
            RSAPublicKey.class, key -> assertThat(key.getModulus().bitLength()).isEqualTo(4096));
  }

  @Test
  void readsBareBase64AsWellAsPem() {
    GhlWebhookKeys keys =
        GhlWebhookKeys.fromPem(
            List.of("MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg="), List.of());

    assertThat(keys.ed25519Keys().getFirst().getEncoded())
        .isEqualTo(GhlWebhookKeys.published().ed25519Keys().getFirst().getEncoded());
  }

  @Test
  void refusesAnRsaKeyGivenAsEd25519() {
    assertThatThrownBy(
            () -> GhlWebhookKeys.fromPem(List.of(GhlWebhookKeys.PUBLISHED_RSA_PEM), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ed25519");
  }

  @Test
  void refusesAnEd448KeyAsEd25519() throws Exception {
    var ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPublic();

    assertThatThrownBy(() -> new GhlWebhookKeys(List.of(ed448), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesGarbage() {
    assertThatThrownBy(() -> GhlWebhookKeys.fromPem(List.of(), List.of("not a key")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RSA");
  }

  @Test
  void needsAtLeastOneKey() {
    assertThatThrownBy(() -> GhlWebhookKeys.fromPem(List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
