package io.ghlcredly.ghl.webhook;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The public keys webhook signatures are checked against. Several keys per scheme allow a key
 * rotation without downtime: configure old and new, drop the old one later. Immutable.
 */
public final class GhlWebhookKeys {
  /**
   * HighLevel's Ed25519 key for {@code x-ghl-signature}, as published in the Webhook Integration
   * Guide (quoted identically by many integrations; verify against the live page before go-live).
   */
  public static final String PUBLISHED_ED25519_PEM =
      """
      -----BEGIN PUBLIC KEY-----
      MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
      -----END PUBLIC KEY-----
      """;

  /** HighLevel's legacy RSA key for {@code x-wh-signature} (docs/oauth/WebhookAuthentication). */
  public static final String PUBLISHED_RSA_PEM =
      """
      -----BEGIN PUBLIC KEY-----
      MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
      Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
      dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
      csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
      uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
      3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
      J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
      IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
      h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
      HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
      PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
      T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==
      -----END PUBLIC KEY-----
      """;

  private final List<PublicKey> ed25519Keys;
  private final List<PublicKey> rsaKeys;

  /**
   * Keys already parsed; either list may be empty, not both.
   *
   * @throws IllegalArgumentException when a key is of the wrong algorithm, or no key is given
   */
  public GhlWebhookKeys(List<PublicKey> ed25519Keys, List<PublicKey> rsaKeys) {
    this.ed25519Keys = List.copyOf(ed25519Keys);
    this.rsaKeys = List.copyOf(rsaKeys);
    if (this.ed25519Keys.isEmpty() && this.rsaKeys.isEmpty()) {
      throw new IllegalArgumentException("at least one webhook public key is needed");
    }
    for (PublicKey key : this.ed25519Keys) {
      if (!(key instanceof EdECPublicKey edKey)
          || !NamedParameterSpec.ED25519.getName().equalsIgnoreCase(edKey.getParams().getName())) {
        throw new IllegalArgumentException("not an Ed25519 key: " + key.getAlgorithm());
      }
    }
    for (PublicKey key : this.rsaKeys) {
      if (!key.getAlgorithm().equals("RSA")) {
        throw new IllegalArgumentException("not an RSA key: " + key.getAlgorithm());
      }
    }
  }

  /** HighLevel's published Ed25519 key and legacy RSA key. */
  public static GhlWebhookKeys published() {
    return fromPem(List.of(PUBLISHED_ED25519_PEM), List.of(PUBLISHED_RSA_PEM));
  }

  /**
   * Parses SPKI public keys in PEM form ({@code -----BEGIN PUBLIC KEY-----}) or as the bare base64
   * between those lines.
   *
   * @throws IllegalArgumentException naming which key could not be read
   */
  public static GhlWebhookKeys fromPem(List<String> ed25519Pems, List<String> rsaPems) {
    List<PublicKey> ed25519 = ed25519Pems.stream().map(pem -> parse(pem, "Ed25519")).toList();
    List<PublicKey> rsa = rsaPems.stream().map(pem -> parse(pem, "RSA")).toList();
    return new GhlWebhookKeys(ed25519, rsa);
  }

  public List<PublicKey> ed25519Keys() {
    return ed25519Keys;
  }

  public List<PublicKey> rsaKeys() {
    return rsaKeys;
  }

  static PublicKey parse(String pem, String algorithm) {
    String base64 =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read " + algorithm + " public key (expected SPKI PEM): " + e.getMessage(), e);
    }
  }
}
