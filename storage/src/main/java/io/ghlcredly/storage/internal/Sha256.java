package io.ghlcredly.storage.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one-way key under which a store keeps a bearer value (session id, invite token): a copy of
 * the table then lets nobody in.
 */
public final class Sha256 {
  private Sha256() {}

  /** The SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
  public static String hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
