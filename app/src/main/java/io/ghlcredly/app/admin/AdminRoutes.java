package io.ghlcredly.app.admin;

import io.ghlcredly.app.Stores;
import io.ghlcredly.app.WorkspaceRules;
import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.workspace.HeldEvents;
import io.ghlcredly.app.workspace.WorkspaceHealth;
import io.ghlcredly.app.workspace.WorkspaceRuntime;
import io.ghlcredly.core.port.JobQueue;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.port.WorkspaceStore;
import io.ghlcredly.http.ratelimit.RateBudget;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.JdbcActionJournal;
import io.ghlcredly.storage.JdbcAdminSessionStore;
import io.ghlcredly.storage.JdbcChangeLog;
import io.ghlcredly.storage.JdbcContactDirectory;
import io.ghlcredly.storage.JdbcCursorStore;
import io.ghlcredly.storage.JdbcDeadLetterStore;
import io.ghlcredly.storage.JdbcEventInbox;
import io.ghlcredly.storage.JdbcLocationNames;
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
 * Every read is limited to the workspaces its caller may see.
 */
public final class AdminRoutes {
  private AdminRoutes() {}

  /** What the admin surface reads and acts on, beyond the configuration. */
  public record Sources(
      Database database,
      Stores stores,
      TokenStore accounts,
      WorkspaceRuntime workspaces,
      WorkspaceRules rules,
      WorkspaceStore workspaceStore,
      WorkspaceHealth health,
      HeldEvents held,
      ReadScopes scopes,
      JobQueue jobs,
      Supplier<List<RateBudget>> rateBudgets,
      LongSupplier queuedJobs) {}

  /**
   * The endpoints of the admin surface.
   *
   * @param contributed admin API endpoints the application adds (commands run for the CLI), which
   *     limit what each caller sees with the same {@link Sources#scopes}
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
    JdbcDeadLetterStore deadLetters = new JdbcDeadLetterStore(database);
    JdbcChangeLog changes = new JdbcChangeLog(database);
    ReadScopes scopes = sources.scopes();
    AdminReadModel views =
        new AdminReadModel(
            config,
            new AdminReadModel.Sources(
                sources.accounts(),
                sources.workspaces(),
                sources.rules(),
                sources.rateBudgets(),
                sources.queuedJobs()),
            new AdminReadModel.Stores(
                inbox,
                new JdbcActionJournal(database),
                deadLetters,
                new JdbcCursorStore(database, clock),
                new ActivityChart(inbox, clock)),
            scopes,
            clock);
    AdminActions actions =
        new AdminActions(sources.stores().replayer(sources.jobs(), clock), deadLetters);
    WorkspaceDataSource workspaces =
        new WorkspaceDataSource(
            new WorkspaceDataSource.Sources(
                sources.workspaces().directory(),
                sources.health(),
                sources.workspaceStore(),
                inbox,
                new JdbcLocationNames(database),
                sources.accounts(),
                config.ghl().privateTokenLocation()),
            new WorkspaceChanges(
                sources.workspaces().directory(),
                sources.workspaceStore(),
                sources.held(),
                changes,
                clock));
    JdbcAdminSessionStore sessions = new JdbcAdminSessionStore(database);
    return AdminWeb.endpoints(
        new AdminWeb.Settings(
            config.server().adminToken(), config.server().publicUrl(), installStart),
        new AdminDataSource(
            views,
            actions,
            scopes,
            deadLetters,
            changes,
            new ContactReads(
                new ContactReads.Sources(
                    new JdbcContactDirectory(database),
                    new JdbcLocationNames(database),
                    sources.stores(),
                    deadLetters,
                    changes),
                scopes,
                clock),
            clock),
        workspaces,
        OperatorServices.create(new JdbcOperatorStore(database), sessions, clock),
        sessions,
        contributed,
        clock);
  }
}
