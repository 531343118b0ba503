package io.ghlcredly.http;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** A successful (2xx) response. */
public record ApiResponse(int status, HttpHeaders headers, String body) {
  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }
}
