package io.ghlcredly.app.admin;

import io.ghlcredly.web.WebhookRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reading cookies and urlencoded form bodies, which the server-neutral request leaves raw. */
final class Cookies {
  private Cookies() {}

  /** The value of the named cookie, or null. */
  static @Nullable String value(WebhookRequest request, String name) {
    String header = request.headers().get("cookie");
    if (header == null) {
      return null;
    }
    for (String pair : header.split(";", -1)) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
        return pair.substring(equals + 1).trim();
      }
    }
    return null;
  }

  /** The fields of an {@code application/x-www-form-urlencoded} body; first value wins. */
  static Map<String, String> form(WebhookRequest request) {
    Map<String, String> fields = new HashMap<>();
    if (!(request.body() instanceof WebhookRequest.Body.Complete complete)) {
      return fields;
    }
    String text = new String(complete.bytes().toArray(), StandardCharsets.UTF_8);
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.putIfAbsent(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }
}
