package io.ghlcredly.app.admin;

import io.ghlcredly.app.Stores;
import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.JobQueue;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.sync.DeadLetterReplayer;
import io.ghlcredly.credly.CredlyTokenHealth;
import io.ghlcredly.http.ratelimit.RateBudget;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.JdbcAdminSessionStore;
import io.ghlcredly.storage.JdbcCursorStore;
import io.ghlcredly.storage.JdbcEventInbox;
import io.ghlcredly.web.Route;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Wires the admin API ({@code /admin/api/...}) and the dashboard ({@code /admin}) into routes for
 * the web server, keyed as the server expects ({@code "GET /admin/api/*"} matches by prefix). No
 * routes at all when {@code server.admin-token} is not set: then both answer 404.
 */
public final class AdminRoutes {
  private AdminRoutes() {}

  /** What the admin surface reads and acts on, beyond the configuration. */
  public record Sources(
      Database database,
      Stores stores,
      TokenStore accounts,
      CredlyTokenHealth credlyToken,
      Supplier<RuleSet> rules,
      JobQueue jobs,
      Supplier<List<RateBudget>> rateBudgets,
      LongSupplier queuedJobs) {}

  public static Map<String, Route> create(AppConfig config, Sources sources, InstantSource clock) {
    Secret token = config.server().adminToken();
    if (token == null) {
      return Map.of();
    }
    AdminAuth auth = new AdminAuth(token, new JdbcAdminSessionStore(sources.database()), clock);
    JdbcEventInbox inbox = new JdbcEventInbox(sources.database());
    Stores stores = sources.stores();
    AdminReadModel views =
        new AdminReadModel(
            config,
            sources.accounts(),
            sources.credlyToken(),
            sources.rules(),
            sources.rateBudgets(),
            sources.queuedJobs(),
            clock,
            new AdminReadModel.Stores(
                inbox,
                stores.journal(),
                stores.deadLetters(),
                new JdbcCursorStore(sources.database(), clock),
                new ActivityChart(inbox, clock)));
    AdminActions actions =
        new AdminActions(
            new DeadLetterReplayer(
                stores.deadLetters(),
                stores.inbox(),
                stores.state(),
                stores.ledger(),
                stores.journal(),
                sources.jobs(),
                clock));
    AdminApi api = new AdminApi(auth, views, actions);
    URI publicUrl = config.server().publicUrl();
    Dashboard dashboard =
        new Dashboard(
            auth,
            views,
            actions,
            new Pages(),
            publicUrl != null && "https".equalsIgnoreCase(publicUrl.getScheme()));
    return Map.of(
        "GET /admin/api/*",
        api,
        "POST /admin/api/*",
        api,
        "GET " + Dashboard.HOME,
        dashboard,
        "POST " + Dashboard.HOME + "/*",
        dashboard);
  }
}
