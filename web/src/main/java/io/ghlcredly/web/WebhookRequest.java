package io.ghlcredly.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An incoming request as a route sees it, independent of the HTTP server in use.
 *
 * @param headers lower-cased names, first value each
 * @param body the raw bytes, exactly as received (signatures are checked over these)
 * @param rawQuery the query string as received (still percent-encoded), empty when none
 */
public record WebhookRequest(
    String method, String path, Map<String, String> headers, Body body, String rawQuery) {
  public WebhookRequest {
    headers = Map.copyOf(headers);
  }

  /** A request without a query string. */
  public WebhookRequest(String method, String path, Map<String, String> headers, Body body) {
    this(method, path, headers, body, "");
  }

  /** Decoded query parameters; a repeated name keeps its first value. */
  public Map<String, String> query() {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : List.of(rawQuery.split("&"))) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      params.putIfAbsent(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
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
