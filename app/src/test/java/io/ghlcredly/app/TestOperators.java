package io.ghlcredly.app;

import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.JdbcAdminSessionStore;
import io.ghlcredly.storage.JdbcOperatorStore;
import io.ghlcredly.web.operators.InviteResult;
import io.ghlcredly.web.operators.OperatorServices;
import io.ghlcredly.web.operators.SetPasswordResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.UUID;

/** Operators for tests: added through the real service, and a signed-in HTTP client. */
public final class TestOperators {
  private TestOperators() {}

  /** An operator who can sign in. */
  public record Credentials(String email, String password) {}

  /** Adds an operator with the role and a random password, as the welcome link does. */
  public static Credentials add(Database database, OperatorRole role) {
    OperatorServices services =
        OperatorServices.create(
            new JdbcOperatorStore(database),
            new JdbcAdminSessionStore(database),
            InstantSource.system());
    String email =
        role.word() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    InviteResult invited = services.operators().invite(email, null, role, "test");
    if (!(invited instanceof InviteResult.Invited link)) {
      throw new IllegalStateException("cannot invite: " + invited);
    }
    String password = "pw-" + UUID.randomUUID();
    if (!(services.passwords().setPasswordWithInvite(link.token(), password)
        instanceof SetPasswordResult.PasswordSet)) {
      throw new IllegalStateException("cannot set the password");
    }
    return new Credentials(email, password);
  }

  /** A client with a cookie jar, signed in to the service on {@code port}; follows redirects. */
  public static HttpClient signedIn(int port, Credentials operator) {
    return signedIn(URI.create("http://127.0.0.1:" + port), operator);
  }

  /** A client with a cookie jar, signed in to the service at {@code base}; follows redirects. */
  public static HttpClient signedIn(URI base, Credentials operator) {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.ALWAYS)
            .build();
    String form =
        "email="
            + URLEncoder.encode(operator.email(), StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(operator.password(), StandardCharsets.UTF_8);
    try {
      HttpResponse<String> response =
          browser.send(
              HttpRequest.newBuilder(base.resolve("/admin/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 || !response.body().contains("Signed in as")) {
        throw new IllegalStateException("sign-in failed: " + response.statusCode());
      }
      return browser;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
