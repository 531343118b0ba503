package io.ghlcredly.app.web.oauth;

import io.ghlcredly.ghl.oauth.GhlInstallFlow;
import io.ghlcredly.web.Route;
import io.ghlcredly.web.WebhookRequest;
import io.ghlcredly.web.WebhookResponse;
import java.util.Map;

/**
 * {@code GET /oauth/ghl/start}: a 302 to HighLevel's choose-location page with a new {@code state}.
 * Thread-safe.
 */
public final class GhlOAuthStartRoute implements Route {
  public static final String KEY = "GET /oauth/ghl/start";

  private final GhlInstallFlow flow;

  public GhlOAuthStartRoute(GhlInstallFlow flow) {
    this.flow = flow;
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    return new WebhookResponse(
        302, "", Map.of("Location", flow.start().toString(), "Cache-Control", "no-store"));
  }
}
