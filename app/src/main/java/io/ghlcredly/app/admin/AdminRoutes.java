package io.ghlcredly.app.admin;

import io.ghlcredly.app.Stores;
import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.port.JobQueue;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.sync.DeadLetterReplayer;
import io.ghlcredly.credly.CredlyTokenHealth;
import io.ghlcredly.http.ratelimit.RateBudget;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.JdbcAdminSessionStore;
import io.ghlcredly.storage.JdbcChangeLog;
import io.ghlcredly.storage.JdbcCursorStore;
import io.ghlcredly.storage.JdbcEventInbox;
import io.ghlcredly.storage.JdbcOperatorStore;
import io.ghlcredly.web.ApiEndpoint;
import io.ghlcredly.web.Endpoint;
import io.ghlcredly.web.admin.AdminWeb;
import io.ghlcredly.web.operators.OperatorServices;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Wires the admin surface (the JSON admin API under {@code /admin/api}, the pages under {@code
 * /admin}, and in OAuth mode the install start) into endpoints for the web server. Named operators
 * sign in to the pages and the API; {@code server.admin-token}, when set, reaches the API only.
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

  /**
   * The endpoints of the admin surface.
   *
   * @param contributed admin API endpoints the application adds (commands run for the CLI)
   * @param installStart in OAuth mode, the consent URL of a new install bound to a browser
   */
  public static List<Endpoint> create(
      AppConfig config,
      Sources sources,
      InstantSource clock,
      List<ApiEndpoint> contributed,
      @Nullable Function<String, URI> installStart) {
    Database database = sources.database();
    JdbcEventInbox inbox = new JdbcEventInbox(database);
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
                new JdbcCursorStore(database, clock),
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
    JdbcAdminSessionStore sessions = new JdbcAdminSessionStore(database);
    return AdminWeb.endpoints(
        new AdminWeb.Settings(
            config.server().adminToken(), config.server().publicUrl(), installStart),
        new AdminDataSource(views, actions, new JdbcChangeLog(database), clock),
        OperatorServices.create(new JdbcOperatorStore(database), sessions, clock),
        sessions,
        contributed,
        clock);
  }
}
