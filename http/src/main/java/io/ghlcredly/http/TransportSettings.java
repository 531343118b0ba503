package io.ghlcredly.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How one connector talks HTTP.
 *
 * @param connector short name for errors and logs, such as {@code ghl}
 * @param baseUrl scheme, host and base path; request paths are appended
 * @param defaultHeaders sent with every request (for example GHL's {@code Version})
 */
public record TransportSettings(
    String connector, URI baseUrl, Duration timeout, Map<String, String> defaultHeaders) {
  public TransportSettings {
    defaultHeaders = Map.copyOf(defaultHeaders);
    String text = baseUrl.toString();
    if (text.endsWith("/")) {
      baseUrl = URI.create(text.substring(0, text.length() - 1));
    }
  }
}
