package io.ghlcredly.app.workspace;

import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.credly.CredlyTokenHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Each workspace's health, by name: its Credly token (expired fails, expiring soon warns), its GHL
 * locations (a disconnected one fails), the upstream probe's last finding (a refused token, an
 * unreachable API) and, for a workspace created in the browser, whether a Credly organization is
 * connected at all. One workspace failing says nothing of the others. Thread-safe.
 */
public final class WorkspaceHealth {
  private final WorkspaceDirectory directory;
  private final Map<WorkspaceId, CredlyTokenHealth> credly;
  private final TokenStore accounts;
  private final @Nullable UpstreamProbe probe;

  public WorkspaceHealth(
      WorkspaceDirectory directory,
      Map<WorkspaceId, CredlyTokenHealth> credly,
      TokenStore accounts) {
    this(directory, credly, accounts, null);
  }

  /** With {@code probe}, its last finding on each workspace's upstreams counts as a problem. */
  public WorkspaceHealth(
      WorkspaceDirectory directory,
      Map<WorkspaceId, CredlyTokenHealth> credly,
      TokenStore accounts,
      @Nullable UpstreamProbe probe) {
    this.directory = directory;
    this.credly = Map.copyOf(credly);
    this.accounts = accounts;
    this.probe = probe;
  }

  /**
   * One workspace's state.
   *
   * @param credlyToken its Credly token's health; null when no organization is connected
   * @param problems what keeps it from working, in plain words; empty when it works
   */
  public record Status(
      WorkspaceDirectory.Workspace workspace,
      CredlyTokenHealth.@Nullable Status credlyToken,
      List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Every workspace's state, in the directory's order. */
  public List<Status> statuses() {
    List<TokenStore.AccountSummary> disconnected = disconnected();
    List<WorkspaceDirectory.Workspace> all = directory.list();
    Set<LocationId> held =
        all.stream().flatMap(each -> each.locations().stream()).collect(Collectors.toSet());
    List<Status> statuses = new ArrayList<>();
    for (WorkspaceDirectory.Workspace workspace : all) {
      statuses.add(status(workspace, disconnected, held));
    }
    return statuses;
  }

  /** The state of one workspace, if it exists. */
  public Optional<Status> status(WorkspaceId id) {
    List<WorkspaceDirectory.Workspace> all = directory.list();
    Optional<WorkspaceDirectory.Workspace> workspace =
        all.stream().filter(each -> each.id().equals(id)).findFirst();
    if (workspace.isEmpty()) {
      return Optional.empty();
    }
    Set<LocationId> held =
        all.stream().flatMap(each -> each.locations().stream()).collect(Collectors.toSet());
    return Optional.of(status(workspace.get(), disconnected(), held));
  }

  /** The directory whose workspaces this reports on. */
  public WorkspaceDirectory directory() {
    return directory;
  }

  private List<TokenStore.AccountSummary> disconnected() {
    return accounts.listAccounts().stream()
        .filter(account -> account.status() == TokenStore.AccountStatus.DISCONNECTED)
        .toList();
  }

  private Status status(
      WorkspaceDirectory.Workspace workspace,
      List<TokenStore.AccountSummary> disconnected,
      Set<LocationId> heldElsewhere) {
    List<String> problems = new ArrayList<>();
    CredlyTokenHealth token = credly.get(workspace.id());
    CredlyTokenHealth.Status tokenStatus = token == null ? null : token.status();
    if (tokenStatus == null) {
      problems.add("no Credly organization connected: its locations' events wait");
    } else if (tokenStatus.level() == CredlyTokenHealth.Level.EXPIRED) {
      problems.add("Credly token expired at " + tokenStatus.expiresAt());
    }
    if (probe != null && tokenStatus != null) {
      problems.addAll(probe.problems(workspace.id()));
    }
    for (TokenStore.AccountSummary account : disconnected) {
      if (covers(workspace, account, heldElsewhere)) {
        problems.add(
            "GHL "
                + account.key().type().name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + account.key().id()
                + " disconnected"
                + (account.statusReason() == null ? "" : " (" + account.statusReason() + ")"));
      }
    }
    return new Status(workspace, tokenStatus, List.copyOf(problems));
  }

  /** Whether the disconnected account serves the workspace's contacts. */
  private static boolean covers(
      WorkspaceDirectory.Workspace workspace,
      TokenStore.AccountSummary account,
      Set<LocationId> heldElsewhere) {
    if (account.key().type() != TokenStore.AccountType.LOCATION) {
      // An agency (company) token reaches every location: each workspace depends on it.
      return true;
    }
    LocationId location = new LocationId(account.key().id());
    return workspace.implicit()
        ? !heldElsewhere.contains(location) || workspace.locations().contains(location)
        : workspace.locations().contains(location);
  }
}
