package io.ghlcredly.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.DatabaseSettings;
import io.ghlcredly.storage.JdbcAdminSessionStore;
import io.ghlcredly.storage.JdbcOperatorStore;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code operators add|list|role|disable|enable|reset} against an H2 file database, run in-process
 * through picocli as an operator would run them.
 */
class OperatorCommandsIT {
  private static final Pattern LINK =
      Pattern.compile("^(\\S+)/admin/welcome\\?token=([A-Za-z0-9_-]{43})$", Pattern.MULTILINE);

  @TempDir Path folder;
  private final CommandRun commands = new CommandRun();
  private final StringWriter out = commands.out;
  private final StringWriter err = commands.err;
  private String url;
  private Path config;

  @BeforeEach
  void writeConfig() throws IOException {
    url = "jdbc:h2:file:" + folder.resolve("data/ghl-credly").toAbsolutePath();
    config = CommandRun.databaseOnlyConfig(folder, url, "");
  }

  @Test
  void addPrintsAOneTimeLinkAndListShowsTheInvitedOperator() {
    int exit =
        run("operators", "add", "Ada@Example.com", "--role", "editor", "--name", "Ada Lovelace");

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("invited ada@example.com as editor; send them this");
    Matcher link = LINK.matcher(out.toString());
    assertThat(link.find()).as(out.toString()).isTrue();
    assertThat(link.group(1)).isEqualTo("http://localhost:8080");
    try (Database database = Database.open(DatabaseSettings.of(url))) {
      assertThat(new JdbcOperatorStore(database).findByInvite(link.group(2), Instant.now()))
          .map(Operator::email)
          .contains("ada@example.com");
    }

    out.getBuffer().setLength(0);
    assertThat(run("operators", "list")).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("EMAIL").contains("NAME", "ROLE", "STATE", "CREATED");
    assertThat(lines.get(1))
        .startsWith("ada@example.com")
        .contains("Ada Lovelace", "editor", "invited", "by cli");
    assertThat(lines.get(1).indexOf("editor")).isEqualTo(lines.get(0).indexOf("ROLE"));
  }

  @Test
  void theLinkIsOnThePublicUrlWhenOneIsConfigured() throws IOException {
    config =
        CommandRun.databaseOnlyConfig(
            folder, url, "server:\n  public-url: https://sync.example.com/\n");

    assertThat(run("operators", "add", "ada@example.com", "--role", "admin")).isZero();

    Matcher link = LINK.matcher(out.toString());
    assertThat(link.find()).as(out.toString()).isTrue();
    assertThat(link.group(1)).isEqualTo("https://sync.example.com");
  }

  @Test
  void changesTheRoleDisablesAndEnables() {
    run("operators", "add", "ada@example.com", "--role", "admin");
    run("operators", "add", "bob@example.com", "--role", "editor");
    OperatorId bob = operator("bob@example.com").orElseThrow().id();
    try (Database database = Database.open(DatabaseSettings.of(url))) {
      new JdbcAdminSessionStore(database).create("bob-laptop", "csrf", bob, Instant.now());
    }
    out.getBuffer().setLength(0);

    int role = run("operators", "role", "BOB@example.com", "Viewer");
    int disable = run("operators", "disable", "bob@example.com");

    assertThat(role).as(err.toString()).isZero();
    assertThat(disable).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("bob@example.com is now viewer")
        .contains("bob@example.com disabled; their sessions have ended");
    assertThat(operator("bob@example.com").orElseThrow().state())
        .isEqualTo(Operator.State.DISABLED);
    try (Database database = Database.open(DatabaseSettings.of(url))) {
      assertThat(new JdbcAdminSessionStore(database).find("bob-laptop")).isEmpty();
    }
    out.getBuffer().setLength(0);
    run("operators", "list");
    assertThat(out.toString().lines())
        .anySatisfy(line -> assertThat(line).contains("bob@example.com", "viewer", "disabled"));

    assertThat(run("operators", "enable", "bob@example.com")).isZero();
    assertThat(operator("bob@example.com").orElseThrow().disabled()).isFalse();
  }

  @Test
  void resetPrintsANewLinkAndTheEarlierOneStopsWorking() {
    run("operators", "add", "ada@example.com", "--role", "admin");
    Matcher first = LINK.matcher(out.toString());
    assertThat(first.find()).isTrue();
    String firstToken = first.group(2);
    out.getBuffer().setLength(0);

    assertThat(run("operators", "reset", "ada@example.com")).as(err.toString()).isZero();

    assertThat(out.toString()).startsWith("new link for ada@example.com; send them this");
    Matcher second = LINK.matcher(out.toString());
    assertThat(second.find()).isTrue();
    try (Database database = Database.open(DatabaseSettings.of(url))) {
      JdbcOperatorStore store = new JdbcOperatorStore(database);
      assertThat(store.findByInvite(firstToken, Instant.now())).isEmpty();
      assertThat(store.findByInvite(second.group(2), Instant.now())).isPresent();
    }
  }

  @Test
  void theLastEnabledAdminIsNeitherDemotedNorDisabled() {
    run("operators", "add", "ada@example.com", "--role", "admin");

    int demote = run("operators", "role", "ada@example.com", "editor");
    int disable = run("operators", "disable", "ada@example.com");

    assertThat(demote).isEqualTo(1);
    assertThat(disable).isEqualTo(1);
    assertThat(err.toString())
        .contains("ada@example.com is the last enabled admin and cannot be demoted")
        .contains("ada@example.com is the last enabled admin and cannot be disabled");
    assertThat(operator("ada@example.com").orElseThrow().state()).isEqualTo(Operator.State.INVITED);
  }

  @Test
  void anUnknownEmailOrRoleExitsTwoWithAClearError() {
    run("operators", "add", "ada@example.com", "--role", "admin");

    assertThat(run("operators", "add", "bob@example.com", "--role", "boss")).isEqualTo(2);
    assertThat(run("operators", "role", "ada@example.com", "owner")).isEqualTo(2);
    assertThat(run("operators", "role", "nobody@example.com", "viewer")).isEqualTo(2);
    assertThat(run("operators", "disable", "nobody@example.com")).isEqualTo(2);
    assertThat(run("operators", "enable", "nobody@example.com")).isEqualTo(2);
    assertThat(run("operators", "reset", "nobody@example.com")).isEqualTo(2);

    assertThat(err.toString())
        .contains("error: unknown role 'boss': choose viewer, editor, admin.")
        .contains("error: unknown role 'owner'")
        .contains("error: no operator has the email nobody@example.com.");
    assertThat(operator("bob@example.com")).isEmpty();
    assertThat(operator("ada@example.com").orElseThrow().role().word()).isEqualTo("admin");
  }

  private Optional<Operator> operator(String email) {
    try (Database database = Database.open(DatabaseSettings.of(url))) {
      return new JdbcOperatorStore(database).findByEmail(email);
    }
  }

  /** Runs the command with the test's configuration. */
  private int run(String... args) {
    String[] withConfig = Arrays.copyOf(args, args.length + 2);
    withConfig[args.length] = "-c";
    withConfig[args.length + 1] = config.toString();
    return commands.run(withConfig);
  }
}
