package io.ghlcredly.app.web.oauth;

import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.ghl.oauth.GhlInstallFlow;
import io.ghlcredly.ghl.oauth.InstallResult;
import io.ghlcredly.web.WebhookRequest;
import io.ghlcredly.web.WebhookResponse;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /oauth/ghl/callback?code=…&state=…}: finishes the install. Answers a small HTML page
 * when the tokens are stored; 400 with the reason for a missing, unknown, expired or reused state
 * or a missing code; 502 with HighLevel's reason when the exchange failed (nothing is stored then).
 * Thread-safe.
 */
public final class GhlOAuthCallbackRoute {
  public static final String PATH = "/oauth/ghl/callback";
  public static final String KEY = "GET " + PATH;

  private final GhlInstallFlow flow;

  public GhlOAuthCallbackRoute(GhlInstallFlow flow) {
    this.flow = flow;
  }

  /** /** Finishes the install the browser holding {@code binding} started. */
  public WebhookResponse handle(WebhookRequest request, @Nullable String binding) {
    Map<String, String> query = request.query();
    String denied = query.get("error");
    if (denied != null && !query.containsKey("code")) {
      // Still use up the state, so the link cannot be replayed with a code later.
      flow.complete(null, query.get("state"), binding);
      return WebhookResponse.error(400, "HighLevel did not authorize the install: " + denied);
    }
    return switch (flow.complete(query.get("code"), query.get("state"), binding)) {
      case InstallResult.Installed installed -> page(installed);
      case InstallResult.Refused refused -> WebhookResponse.error(400, refused.reason());
      case InstallResult.ProviderFailed failed -> WebhookResponse.error(502, failed.reason());
    };
  }

  private static WebhookResponse page(InstallResult.Installed installed) {
    String accounts =
        installed.accounts().stream()
            .map(AccountKey::toString)
            .map(GhlOAuthCallbackRoute::escape)
            .collect(Collectors.joining("</li><li>", "<li>", "</li>"));
    String scopes = escape(String.join(" ", new TreeSet<>(installed.grantedScopes())));
    String html =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Connected</title></head>"
            + "<body><h1>HighLevel connected</h1><p>Tokens stored for:</p><ul>"
            + accounts
            + "</ul><p>Granted scopes: "
            + scopes
            + "</p><p>You can close this window.</p></body></html>";
    return new WebhookResponse(
        200, html, Map.of("Content-Type", "text/html; charset=utf-8", "Cache-Control", "no-store"));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
