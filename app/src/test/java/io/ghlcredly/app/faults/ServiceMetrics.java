package io.ghlcredly.app.faults;

import io.ghlcredly.app.metrics.Scrape;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Gauges read from a running {@code serve}'s {@code /metrics}: on the embedded database the file
 * belongs to that process, so the test cannot query it while it runs.
 */
final class ServiceMetrics {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final URI url;

  ServiceMetrics(int port) {
    this.url = URI.create("http://127.0.0.1:" + port + "/metrics");
  }

  /** The series' value now; fails when serve does not answer or has no such series. */
  double value(String name) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(url + " answered " + response.statusCode());
    }
    return new Scrape(response.body())
        .value(name)
        .orElseThrow(() -> new IOException("no series " + name + " at " + url));
  }
}
