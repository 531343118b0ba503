package io.ghlcredly.app.demo;

import io.ghlcredly.app.Application;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.JdbcAdminSessionStore;
import io.ghlcredly.storage.JdbcOperatorStore;
import io.ghlcredly.web.operators.InviteResult;
import io.ghlcredly.web.operators.OperatorServices;
import io.ghlcredly.web.operators.WelcomeLink;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;

/**
 * The demo's operators, added through the same service as {@code operators add}: the admin (see
 * {@link DemoEnvironment}) and an editor who gets a one-time link to set a password, as a person
 * invited to the workspace would.
 */
final class DemoOperators {
  /** The editor the demo invites, whose one-time link it prints. */
  static final String EDITOR_EMAIL = "editor@demo.example";

  private DemoOperators() {}

  /** The operators service on the engine's database. */
  static OperatorServices services(Database database, InstantSource clock) {
    return OperatorServices.create(
        new JdbcOperatorStore(database), new JdbcAdminSessionStore(database), clock);
  }

  /** An editor's one-time link to the welcome page, and how long it works. */
  record EditorLink(URI link, Duration validFor) {}

  /** Invites {@link #EDITOR_EMAIL} as an editor on the running engine. */
  static EditorLink inviteEditor(Application engine, InstantSource clock) {
    InviteResult invited =
        services(engine.database(), clock)
            .operators()
            .invite(EDITOR_EMAIL, "Demo editor", OperatorRole.EDITOR, "demo");
    if (!(invited instanceof InviteResult.Invited link)) {
      throw new IllegalStateException("the demo cannot invite its editor: " + invited);
    }
    URI base = URI.create("http://127.0.0.1:" + engine.port());
    return new EditorLink(
        WelcomeLink.of(base, link.token()), Duration.between(clock.instant(), link.expiresAt()));
  }
}
