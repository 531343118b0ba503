package io.ghlcredly.app.web;

import java.util.Map;

/**
 * An incoming request as a route sees it, independent of the HTTP server in use.
 *
 * @param headers lower-cased names, first value each
 * @param body the raw bytes, exactly as received (signatures are checked over these)
 */
public record WebhookRequest(String method, String path, Map<String, String> headers, Body body) {
  public WebhookRequest {
    headers = Map.copyOf(headers);
  }

  /** Raw body bytes, or the fact that the sender sent more than the server accepts. */
  public sealed interface Body {
    /** The whole body. */
    record Complete(RawBytes bytes) implements Body {}

    /** The body was larger than the limit and was not read. */
    record TooLarge(long limit) implements Body {}
  }

  /** Bytes wrapped so records holding them keep value semantics. */
  public static final class RawBytes {
    private final byte[] bytes;

    public RawBytes(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    public byte[] toArray() {
      return bytes.clone();
    }

    public int length() {
      return bytes.length;
    }
  }
}
