package io.ghlcredly.web;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Map;

/** What a route answers: status, a small JSON body and extra headers. */
public record WebhookResponse(int status, String jsonBody, Map<String, String> headers) {
  public WebhookResponse {
    headers = Map.copyOf(headers);
  }

  public static WebhookResponse ok(String status) {
    return new WebhookResponse(200, "{\"status\":\"" + status + "\"}", Map.of());
  }

  /** A 4xx or 5xx with a reason the sender (and an operator reading its logs) can act on. */
  public static WebhookResponse error(int status, String reason) {
    return new WebhookResponse(status, "{\"error\":" + quote(reason) + "}", Map.of());
  }

  private static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }
}
