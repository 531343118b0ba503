package io.ghlcredly.app.demo;

import io.ghlcredly.core.model.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The agency's admin installs the marketplace app as a person would in a browser: signs in to the
 * dashboard, opens {@code /oauth/ghl/start}, approves for the whole company on HighLevel's consent
 * page (the emulator approves as the account it was told to) and lands on the callback page, which
 * lists the accounts whose tokens were stored.
 */
final class AgencyInstall {
  private AgencyInstall() {}

  /** Runs the install on the service at {@code base}; returns the callback page. */
  static String run(URI base, String email, Secret password) {
    try (HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.ALWAYS)
            .build()) {
      String form =
          "email="
              + URLEncoder.encode(email, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password.reveal(), StandardCharsets.UTF_8);
      HttpResponse<String> signIn =
          browser.send(
              HttpRequest.newBuilder(base.resolve("/admin/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (signIn.statusCode() != 200 || !signIn.body().contains("Signed in as")) {
        throw new IllegalStateException(
            "the demo's admin cannot sign in (HTTP " + signIn.statusCode() + ")");
      }
      HttpResponse<String> installed =
          browser.send(
              HttpRequest.newBuilder(base.resolve("/oauth/ghl/start")).build(),
              HttpResponse.BodyHandlers.ofString());
      if (installed.statusCode() != 200) {
        throw new IllegalStateException(
            "the agency install failed (HTTP " + installed.statusCode() + "): " + installed.body());
      }
      return installed.body();
    } catch (IOException e) {
      throw new UncheckedIOException("the agency install failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the agency install", e);
    }
  }
}
