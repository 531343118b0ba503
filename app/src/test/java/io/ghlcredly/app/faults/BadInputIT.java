package io.ghlcredly.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.cli.RootCommand;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.DatabaseSettings;
import io.ghlcredly.testkit.ghl.WebhookDelivery;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Bad input of every kind gets a clear error that names what is wrong, and changes no state: the
 * inbox, ledger, journal, dead letters and job queue hold exactly what they held before. Three
 * tables: webhooks (forged, unsigned, replayed, stale, from the future, malformed, incomplete,
 * oversized, wrong content type), configuration files with each kind of error (checked with {@code
 * config check} and refused by {@code serve} before it touches the database), and invalid command
 * lines. The loader's own tests ({@code config/*Test}) cover each rule in depth; here each kind is
 * seen from the outside.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
  @TempDir static Path folder;
  private DemoEnvironment env;
  private String ada;
  private WebhookDelivery accepted;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void startWithOneIssuedBadge() throws IOException {
    env =
        DemoEnvironment.start(
            Files.createDirectories(folder.resolve("demo")), Duration.ofMillis(200));
    ada = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");
    env.ghl().addTags(ada, DemoEnvironment.TAG);
    accepted = env.ghl().deliveries().getFirst();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> env.credly().countBadges(env.template().id(), ada) == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> env.engine().queuedJobs() == 0);
  }

  @AfterAll
  void stopEverything() {
    http.close();
    env.close();
    new FaultReport("bad-input", "Bad input: webhooks, configuration files, command lines")
        .figure(
            "bad webhooks refused with their reason (and state unchanged)", refused.get("webhook"))
        .figure(
            "broken configuration files reported by path (serve refused too)",
            refused.get("config"))
        .figure("invalid command lines refused (exit 2, state unchanged)", refused.get("command"))
        .figure("state changes", 0)
        .notes(
            """
            One table-driven IT (`BadInputIT`); each row checks the status or exit code, that the
            error names the problem, and that inbox, ledger, journal, dead letters and job queue
            (or every table, for the command line) hold what they held before.""")
        .publish();
  }

  private final Map<String, Integer> refused =
      new ConcurrentHashMap<>(Map.of("webhook", 0, "config", 0, "command", 0));

  // ---- webhooks ----

  /** A bad webhook: how to send it, and the status and words of the refusal. */
  record BadWebhook(Function<BadInputIT, Answer> send, int status, String reason) {}

  record Answer(int status, String body) {}

  Stream<Arguments> badWebhooks() {
    return Stream.of(
        webhook(
            "forged: body changed after signing",
            it -> {
              String genuine = it.payload("w-forged", Instant.now());
              return it.post(
                  genuine.replace("Lovelace", "Byron"), it.env.ghl().signedHeaders(genuine));
            },
            401,
            "signature does not match"),
        webhook(
            "unsigned",
            it -> it.post(it.payload("w-unsigned", Instant.now()), Map.of()),
            401,
            "missing signature"),
        webhook(
            "replayed: the accepted webhook again, byte for byte",
            it -> it.answer(it.env.ghl().redeliver(it.accepted)),
            409,
            "duplicate webhookId"),
        webhook(
            "stale: signed an hour ago",
            it ->
                it.answer(
                    it.signed(it.payload("w-stale", Instant.now().minus(Duration.ofHours(1))))),
            401,
            "stale timestamp"),
        webhook(
            "from the future: an hour ahead",
            it ->
                it.answer(
                    it.signed(it.payload("w-future", Instant.now().plus(Duration.ofHours(1))))),
            401,
            "timestamp"),
        webhook(
            "malformed JSON, signed",
            it -> it.answer(it.signed("{\"type\":\"ContactTagUpdate\",")),
            400,
            "JSON"),
        webhook(
            "contact event without the contact id",
            it ->
                it.answer(
                    it.signed(
                        it.payload("w-no-id", Instant.now())
                            .replace("\"id\":\"" + it.ada + "\",", ""))),
            400,
            "id"),
        webhook(
            "without webhookId",
            it ->
                it.answer(
                    it.signed(
                        it.payload("w-none", Instant.now())
                            .replace("\"webhookId\":\"w-none\",", ""))),
            400,
            "webhookId"),
        webhook(
            "oversized (2 MiB, limit 1 MiB)",
            it -> it.post("{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}", Map.of()),
            413,
            "larger than the webhook limit"),
        webhook(
            "wrong content type: text/plain, signed",
            it -> it.withContentType("w-text", "text/plain"),
            415,
            "Content-Type must be application/json, got text/plain"),
        webhook(
            "wrong content type: a form, signed",
            it -> it.withContentType("w-form", "application/x-www-form-urlencoded"),
            415,
            "Content-Type must be application/json"),
        webhook(
            "an event type the sync ignores (acknowledged, not stored)",
            it ->
                it.answer(
                    it.signed(
                        it.payload("w-opp", Instant.now())
                            .replace("ContactTagUpdate", "OpportunityCreate"))),
            200,
            "ignored"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badWebhooks")
  void refusesABadWebhookNamingWhyAndChangesNothing(BadWebhook bad) {
    Map<String, Long> before = engineState();

    Answer answer = bad.send().apply(this);

    assertThat(answer.status()).as(answer.body()).isEqualTo(bad.status());
    assertThat(answer.body()).contains(bad.reason());
    assertThat(engineState()).isEqualTo(before);
    refused.merge("webhook", 1, Integer::sum);
  }

  private static Arguments webhook(
      String name, Function<BadInputIT, Answer> send, int status, String reason) {
    return Arguments.of(Named.of(name, new BadWebhook(send, status, reason)));
  }

  private Map<String, Long> engineState() {
    Map<String, Long> state = new LinkedHashMap<>();
    state.put("events", env.engine().stores().inbox().countAccepted());
    state.put("badges", env.engine().stores().ledger().countIssued());
    state.put("journal", (long) env.engine().stores().journal().listRecent(1000).size());
    state.put("dead letters", env.engine().stores().deadLetters().count());
    state.put("queued jobs", env.engine().queuedJobs());
    state.put("badges in Credly", (long) env.credly().badges().size());
    return state;
  }

  private String payload(String webhookId, Instant timestamp) {
    return """
        {"type":"ContactTagUpdate","locationId":"%s","id":"%s","firstName":"Ada",\
        "lastName":"Lovelace","email":"ada@example.com","tags":["course-101-complete","vip"],\
        "webhookId":"%s","timestamp":"%s"}"""
        .formatted(env.ghl().locationId(), ada, webhookId, timestamp);
  }

  private WebhookDelivery signed(String body) {
    return env.ghl().sendSignedWebhook(body);
  }

  private Answer answer(WebhookDelivery delivery) {
    return new Answer(delivery.status(), delivery.responseBody());
  }

  /** A correctly signed, fresh webhook sent with another content type. */
  private Answer withContentType(String webhookId, String contentType) {
    String body = payload(webhookId, Instant.now());
    Map<String, String> headers = new LinkedHashMap<>(env.ghl().signedHeaders(body));
    headers.put("Content-Type", contentType);
    return post(body, headers);
  }

  private Answer post(String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + env.engine().port() + "/webhooks/ghl"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("content-length")) {
            request.header(name, value);
          }
        });
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- configuration files and command lines, against a stopped service's database ----

  /** A broken configuration: the YAML (null: no file at all) and the words of the report. */
  record BadConfig(String yaml, List<String> reported) {}

  Stream<Arguments> badConfigs() {
    return Stream.of(
        config("no such file", null, "missing.yaml"),
        config("empty file", "", "ghl"),
        config("not YAML", "server: [port: 8080\n", "line"),
        config(
            "unknown key, with a suggestion",
            valid().replace("  port: ", "  prot: "),
            "server.prot"),
        config("wrong type", valid().replace("port: 18080", "port: seventy"), "server.port"),
        config("out of range", valid().replace("port: 18080", "port: 70000"), "server.port"),
        config(
            "not one of the allowed values",
            valid().replace("environment: sandbox", "environment: staging"),
            "credly.environment"),
        config(
            "unreadable duration",
            valid().replace("max-attempts: 8", "max-attempts: 8\n  initial-backoff: soon"),
            "jobs.initial-backoff"),
        config(
            "unreadable URL",
            valid().replace("  auth:\n    mode:", "  base-url: \"not a url\"\n  auth:\n    mode:"),
            "ghl.base-url"),
        config(
            "not a UUID",
            valid().replace("7c3e9b52-4f1a-4d8e-9a61-2b5f0c8d4e17", "acme"),
            "credly.organization-id"),
        config(
            "required key missing",
            valid().replace("  organization-id: 7c3e9b52-4f1a-4d8e-9a61-2b5f0c8d4e17\n", ""),
            "credly.organization-id"),
        config(
            "secret written inline",
            valid().replace("token-file: TOKEN_FILE", "token: inline-credly-token"),
            "credly.auth.token"),
        config(
            "secret from an unset variable",
            valid().replace("private-token-file: TOKEN_FILE", "private-token: ${NO_SUCH_VARIABLE}"),
            "ghl.auth.private-token"),
        config(
            "private token without its location",
            valid().replace("    location-id: loc-1\n", ""),
            "ghl.auth.location-id: required with mode private-token",
            "Settings > Business Profile"),
        config(
            "secret file missing",
            valid().replace("private-token-file: TOKEN_FILE", "private-token-file: /no/such/file"),
            "ghl.auth.private-token"),
        config(
            "unsupported database",
            valid().replace("jdbc:h2:file:DB", "jdbc:mysql://localhost/sync"),
            "storage.url",
            "jdbc:mysql"),
        config(
            "rule without a condition",
            valid().replace("    when: { tag-added: vip }\n", ""),
            "rules[0]"),
        config(
            "rule with an unknown action",
            valid().replace("issue-badge: 3f1c9d2e-0000-4000-8000-000000000101", "send-fax: now"),
            "rules[0].do[0]"),
        config(
            "rule whose template is not a UUID",
            valid()
                .replace("issue-badge: 3f1c9d2e-0000-4000-8000-000000000101", "issue-badge: abc"),
            "rules[0].do[0].issue-badge"),
        config(
            "template reading an unknown variable",
            valid()
                .replace(
                    "issue-badge: 3f1c9d2e-0000-4000-8000-000000000101",
                    "ghl-add-note: \"{{ badge.name }}\""),
            "rules[0].do[0]"),
        config(
            "two rules with one id",
            valid()
                + "  - id: r1\n    when: { tag-added: other }\n    do:\n"
                + "      - ghl-add-tag: done\n",
            "rules[1]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void reportsEachConfigurationErrorWithItsPathAndServeRefusesToStart(BadConfig bad)
      throws IOException {
    Path case_ = Files.createTempDirectory(folder, "config");
    Path file = case_.resolve(bad.yaml() == null ? "missing.yaml" : "ghl-credly.yaml");
    if (bad.yaml() != null) {
      Files.writeString(file, resolve(bad.yaml(), case_), StandardCharsets.UTF_8);
    }

    Run check = cli("config", "check", "--offline", file.toString());
    // A file the loader accepted by mistake would start the service: bound the wait.
    Run serve =
        CompletableFuture.supplyAsync(() -> cli("serve", "-c", file.toString()))
            .orTimeout(30, TimeUnit.SECONDS)
            .join();

    assertThat(check.exit()).as(check.err()).isEqualTo(2);
    assertThat(check.err()).contains(bad.reported());
    assertThat(serve.exit()).as(serve.err()).isEqualTo(2);
    assertThat(serve.err()).contains(bad.reported());
    assertThat(case_.resolve("db")).as("serve must not create its database").doesNotExist();
    refused.merge("config", 1, Integer::sum);
  }

  private static Arguments config(String name, String yaml, String... reported) {
    return Arguments.of(Named.of(name, new BadConfig(yaml, List.of(reported))));
  }

  /** A valid file (for a stopped service) that each bad case breaks in one place. */
  private static String valid() {
    return """
        server:
          port: 18080
        storage:
          url: jdbc:h2:file:DB
        ghl:
          auth:
            mode: private-token
            private-token-file: TOKEN_FILE
            location-id: loc-1
        credly:
          environment: sandbox
          organization-id: 7c3e9b52-4f1a-4d8e-9a61-2b5f0c8d4e17
          auth:
            token-file: TOKEN_FILE
        jobs:
          max-attempts: 8
        rules:
          - id: r1
            when: { tag-added: vip }
            do:
              - issue-badge: 3f1c9d2e-0000-4000-8000-000000000101
        """;
  }

  private static String resolve(String yaml, Path folder) throws IOException {
    Path token = folder.resolve("token");
    Files.writeString(token, "unused-token");
    return yaml.replace("TOKEN_FILE", token.toString())
        .replace("DB", folder.resolve("db").resolve("sync").toString());
  }

  /** An invalid command line and the words of its error. */
  record BadCommand(List<String> args, String reported) {}

  Stream<Arguments> badCommands() {
    return Stream.of(
        command("unknown command", "Unmatched argument", "frobnicate"),
        command("unknown option", "Unknown options: '--port'", "serve", "--port", "80"),
        command("option without its value", "Missing required parameter", "import", "--location"),
        command("unreadable date", "--since", "import", "--since", "yesterday", "-c", "CONFIG"),
        command(
            "required option missing",
            "Missing required option: '--contact",
            "audit",
            "-c",
            "CONFIG"),
        command(
            "not a number", "Invalid value for positional parameter", "dead-letters", "show", "x"),
        command("unknown dead letter", "999", "dead-letters", "show", "999", "-c", "CONFIG"),
        command(
            "replay of nothing",
            "give either a dead letter ID or --all",
            "dead-letters",
            "replay",
            "-c",
            "CONFIG"),
        command("unknown action", "no-such-action", "call", "no-such-action", "-c", "CONFIG"),
        command("config check without a file", "Missing required parameter", "config", "check"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCommands")
  void refusesAnInvalidCommandLineNamingTheProblemAndChangesNothing(BadCommand bad)
      throws Exception {
    Path case_ = Files.createTempDirectory(folder, "cli");
    Path file = case_.resolve("ghl-credly.yaml");
    Files.writeString(file, resolve(valid(), case_), StandardCharsets.UTF_8);
    String url = "jdbc:h2:file:" + case_.resolve("db").resolve("sync");
    Map<String, Long> before = tableCounts(url);

    Run run =
        cli(
            bad.args().stream()
                .map(arg -> arg.equals("CONFIG") ? file.toString() : arg)
                .toList()
                .toArray(String[]::new));

    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(bad.reported());
    assertThat(tableCounts(url)).isEqualTo(before);
    refused.merge("command", 1, Integer::sum);
  }

  private static Arguments command(String name, String reported, String... args) {
    return Arguments.of(Named.of(name, new BadCommand(List.of(args), reported)));
  }

  /** Row counts of every table the service writes (migrating a new database first). */
  private static Map<String, Long> tableCounts(String url) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Database database = Database.open(DatabaseSettings.of(url));
        Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String table :
          List.of(
              "event_inbox",
              "contact_state",
              "issuance",
              "action_journal",
              "dead_letter",
              "scheduled_tasks",
              "secret")) {
        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rows.next();
          counts.put(table, rows.getLong(1));
        }
      }
    }
    return counts;
  }

  private record Run(int exit, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = RootCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
