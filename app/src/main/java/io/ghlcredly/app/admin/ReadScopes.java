package io.ghlcredly.app.admin;

import io.ghlcredly.app.workspace.LocationScope;
import io.ghlcredly.app.workspace.WorkspaceDirectory;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.storage.JdbcSyncStateStore;
import io.ghlcredly.storage.LocationFilter;
import io.ghlcredly.web.Actor;
import io.ghlcredly.web.Scope;
import io.javalin.http.Context;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a scope of workspaces covers: its locations (read from the directory at each request, so an
 * assignment made a moment ago counts), as a filter for reads, and whether a contact or location is
 * in it. Something out of scope reads as something that does not exist. Thread-safe.
 */
public final class ReadScopes {
  private final WorkspaceDirectory directory;
  private final JdbcSyncStateStore contacts;

  public ReadScopes(WorkspaceDirectory directory, JdbcSyncStateStore contacts) {
    this.directory = directory;
    this.contacts = contacts;
  }

  /** The request's scope: its actor's workspaces, narrowed by {@code ?workspace=}; empty: 404. */
  public Optional<Scope> of(Context ctx) {
    return Scope.of(ctx, Actor.of(ctx), directory::exists);
  }

  /** The actor's own scope, not narrowed. */
  public static Scope of(Actor actor) {
    return new Scope(actor.workspaces());
  }

  /** The locations of the scope's workspaces. */
  public LocationScope locations(Scope scope) {
    return scope.all() ? LocationScope.ALL : directory.scopeOf(scope.workspaces());
  }

  /** The scope as a filter for the stores' reads. */
  public LocationFilter filter(Scope scope) {
    return filter(locations(scope));
  }

  static LocationFilter filter(LocationScope locations) {
    return switch (locations) {
      case LocationScope.All all -> LocationFilter.all();
      case LocationScope.Only only -> LocationFilter.only(only.locations());
      case LocationScope.AllExcept except -> LocationFilter.allExcept(except.locations());
    };
  }

  /** Whether the contact's location (last applied, else from its events) is in scope. */
  public boolean coversContact(Scope scope, ContactId contact) {
    return scope.all() || locations(scope).covers(contacts.findLocation(contact).orElse(null));
  }

  /** Whether the location is in scope. */
  public boolean coversLocation(Scope scope, @Nullable LocationId location) {
    return scope.all() || locations(scope).covers(location);
  }
}
