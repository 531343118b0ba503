package io.ghlcredly.app.admin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.web.admin.AdminWeb;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API of a running service against the emulators, with one dead letter: the admin token
 * guards it, every endpoint is in the OpenAPI document and answers what the document says, and no
 * response holds a secret.
 */
class AdminApiIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;
  private DemoEnvironment env;
  private AdminClient client;
  private String token;
  private String contact;
  private final List<String> bodies = new ArrayList<>();

  @BeforeEach
  void startWithOneDeadLetter() {
    env = DemoEnvironment.start(folder, Duration.ofMillis(200));
    client = new AdminClient(env.engine().port());
    token = env.adminToken().reveal();
    contact = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");
    env.credly().archiveTemplate(env.template().id());
    env.ghl().addTags(contact, DemoEnvironment.TAG);
    await().atMost(WAIT).until(() -> env.engine().stores().deadLetters().count() == 1);
    await().atMost(WAIT).until(() -> env.engine().queuedJobs() == 0);
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void refusesEveryEndpointWithoutTheAdminToken() {
    for (String endpoint : AdminWeb.API_ENDPOINTS) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String path =
          endpoint
              .substring(endpoint.indexOf(' ') + 1)
              .replace("{id}", "1")
              .replace("{location}", "loc");
      List<@Nullable String> bearers =
          Arrays.asList(null, "wrong-" + token, token.substring(1), "");
      for (@Nullable String bearer : bearers) {
        HttpResponse<String> response =
            switch (method) {
              case "GET" -> client.get(path, bearer);
              case "DELETE" -> client.delete(path, bearer);
              default -> client.post(path, bearer);
            };
        assertThat(response.statusCode()).as(endpoint).isEqualTo(401);
        assertThat(response.body())
            .isEqualTo("{\"error\":\"sign in, or send the admin token as a bearer token\"}");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
      }
    }
  }

  @Test
  void describesEveryEndpointInTheOpenApiDocumentAndNothingElse() throws Exception {
    JsonNode document = JSON.readTree(get("/admin/api/openapi.json").body());

    Set<String> described = new TreeSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method ->
                            described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

    List<String> expected = new ArrayList<>(AdminWeb.API_ENDPOINTS);
    // The endpoints the CLI uses when a service runs, contributed by the application.
    expected.addAll(
        List.of(
            "GET /admin/api/instance",
            "GET /admin/api/commands/dead-letters",
            "GET /admin/api/commands/dead-letters/{id}",
            "POST /admin/api/commands/dead-letters/{id}/replay",
            "POST /admin/api/commands/dead-letters/replay-all",
            "GET /admin/api/commands/audit",
            "GET /admin/api/commands/plan",
            "POST /admin/api/commands/imports",
            "GET /admin/api/commands/imports/{id}",
            "POST /admin/api/commands/imports/{id}/stop",
            "GET /admin/api/commands/operators",
            "POST /admin/api/commands/operators/{action}"));
    assertThat(described).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(document.path("openapi").asText()).startsWith("3.");
  }

  @Test
  void answersEveryReadEndpointAsTheDocumentSays() {
    OpenApiInteractionValidator validator = validator();
    for (String path :
        List.of(
            "/admin/api/accounts",
            "/admin/api/rules",
            "/admin/api/events?limit=5",
            "/admin/api/journal",
            "/admin/api/dead-letters?limit=10",
            "/admin/api/imports",
            "/admin/api/rate-limits",
            "/admin/api/jobs",
            "/admin/api/activity",
            "/admin/api/openapi.json")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertValid(validator, "GET", path, response);
    }
  }

  @Test
  void showsTheConnectionTheRulesTheEventsAndTheDeadLetter() throws Exception {
    JsonNode accounts = JSON.readTree(get("/admin/api/accounts").body());
    JsonNode rules = JSON.readTree(get("/admin/api/rules").body());
    JsonNode events = JSON.readTree(get("/admin/api/events").body());
    JsonNode letters = JSON.readTree(get("/admin/api/dead-letters").body());
    JsonNode activity = JSON.readTree(get("/admin/api/activity").body());
    JsonNode rateLimits = JSON.readTree(get("/admin/api/rate-limits").body());
    JsonNode jobs = JSON.readTree(get("/admin/api/jobs").body());

    assertThat(accounts.path("ghl").path("authMode").asText()).isEqualTo("private-token");
    assertThat(accounts.path("credly").path("organizationId").asText())
        .isEqualTo(env.credly().organizationId());
    assertThat(rules.path("rules").get(0).path("id").asText()).isEqualTo("course-101");
    assertThat(rules.path("rules").get(0).path("when").asText())
        .isEqualTo("tag-added: " + DemoEnvironment.TAG);
    assertThat(rules.path("rules").get(0).path("actions").get(0).asText()).isEqualTo("issue-badge");
    assertThat(events.path("events").findValuesAsText("contactId")).contains(contact);
    assertThat(letters.path("deadLetters").get(0).path("contactId").asText()).isEqualTo(contact);
    assertThat(letters.path("deadLetters").get(0).path("cause").asText()).contains("HTTP 422");
    long received = 0;
    for (JsonNode minute : activity.path("minutes")) {
      received += minute.path("received").asLong();
    }
    assertThat(activity.path("minutes")).hasSize(ActivityChart.MINUTES);
    assertThat(received).isGreaterThanOrEqualTo(1);
    // The contact was read from GHL: its budget is known, with GHL's limits in force.
    assertThat(rateLimits.path("rateLimits")).isNotEmpty();
    JsonNode budget = rateLimits.path("rateLimits").get(0);
    assertThat(budget.path("burstMax").asLong()).isEqualTo(100);
    assertThat(budget.path("burstRemaining").asLong()).isBetween(0L, 100L);
    assertThat(budget.path("dailyRemaining").asLong()).isLessThan(200_000L);
    assertThat(jobs.path("queued").isIntegralNumber()).isTrue();
    assertThat(jobs.path("pendingEvents").asLong()).isZero();
    assertThat(jobs.has("oldestPendingAgeSeconds")).isFalse();
  }

  @Test
  void replaysADeadLetterOnceAndSaysWhenItWasReplayedAlready() throws Exception {
    OpenApiInteractionValidator validator = validator();
    long id = env.engine().stores().deadLetters().listRecent(1).get(0).id();
    String path = "/admin/api/dead-letters/" + id + "/replay";

    HttpResponse<String> first = client.post(path, token);
    HttpResponse<String> second = client.post(path, token);
    HttpResponse<String> unknown = client.post("/admin/api/dead-letters/999999/replay", token);
    HttpResponse<String> all = client.post("/admin/api/dead-letters/replay-all", token);
    bodies.addAll(List.of(first.body(), second.body(), unknown.body(), all.body()));

    assertThat(JSON.readTree(first.body()).path("result").asText()).isEqualTo("replayed");
    assertThat(JSON.readTree(first.body()).path("deadLetter").path("replayedAt").asText())
        .isNotEmpty();
    assertThat(JSON.readTree(second.body()).path("result").asText()).isEqualTo("already-replayed");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(env.engine().stores().deadLetters().find(id))
        .hasValueSatisfying(letter -> assertThat(letter.replayedAt()).isNotNull());
    assertValid(validator, "POST", path, first);
    assertValid(validator, "POST", path, second);
    assertValid(validator, "POST", "/admin/api/dead-letters/999999/replay", unknown);
    assertValid(validator, "POST", "/admin/api/dead-letters/replay-all", all);
  }

  @Test
  void neverAnswersWithASecret() {
    for (String endpoint : AdminWeb.API_ENDPOINTS) {
      if (endpoint.startsWith("GET ")) {
        bodies.add(get(endpoint.substring(4).replace("{id}", "1")).body());
      }
    }
    bodies.add(client.get("/admin", null).body());
    bodies.add(client.postForm("/admin/login", signIn("wrong-password"), null).body());
    HttpResponse<String> login =
        client.postForm("/admin/login", signIn(env.adminPassword().reveal()), null);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", -1)[0];
    bodies.add(client.getWithCookie("/admin", cookie).body());
    bodies.add(client.post("/admin/api/dead-letters/replay-all", token).body());

    List<String> secrets =
        List.of(
            token,
            env.adminPassword().reveal(),
            env.ghl().accessToken().reveal(),
            env.credly().authToken().reveal());
    assertThat(bodies).hasSizeGreaterThan(AdminWeb.API_ENDPOINTS.size() / 2);
    for (String body : bodies) {
      for (String secret : secrets) {
        assertThat(body).doesNotContain(secret);
      }
    }
  }

  @Test
  void dashboardSignsInOperatorsNotTheAdminTokenAndRefusesFormsWithoutTheSessionsCsrfToken() {
    HttpResponse<String> anonymous = client.get("/admin", null);
    HttpResponse<String> wrong = client.postForm("/admin/login", signIn("nope-nope-nope"), null);
    HttpResponse<String> withToken = client.postForm("/admin/login", signIn(token), null);
    HttpResponse<String> bearerPage = client.get("/admin", token);
    HttpResponse<String> login =
        client.postForm("/admin/login", signIn(env.adminPassword().reveal()), null);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("name=\"password\"").contains("name=\"email\"");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("That email and password do not match.");
    assertThat(withToken.statusCode()).isEqualTo(401);
    assertThat(bearerPage.statusCode()).isEqualTo(401);
    assertThat(login.statusCode()).isEqualTo(303);
    String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain(token);
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    assertThat(client.getWithCookie("/admin", cookie).statusCode()).isEqualTo(200);
    assertThat(
            client.postForm("/admin/dead-letters/replay-all", "csrf=forged", cookie).statusCode())
        .isEqualTo(403);
    assertThat(client.postForm("/admin/dead-letters/replay-all", "", cookie).statusCode())
        .isEqualTo(403);
    assertThat(client.postForm("/admin/dead-letters/replay-all", "csrf=x", null).statusCode())
        .isEqualTo(401);
    HttpResponse<String> malformed = client.postForm("/admin/login", "email=a&password=%", null);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(client.get("/admin/api/no-such-xyzzy", token).body()).doesNotContain("xyzzy");
  }

  private static String signIn(String password) {
    return "email="
        + URLEncoder.encode(DemoEnvironment.ADMIN_EMAIL, UTF_8)
        + "&password="
        + URLEncoder.encode(password, UTF_8);
  }

  private HttpResponse<String> get(String path) {
    HttpResponse<String> response = client.get(path, token);
    bodies.add(response.body());
    return response;
  }

  private OpenApiInteractionValidator validator() {
    return OpenApiInteractionValidator.createForInlineApiSpecification(AdminWeb.openApi())
        .withLevelResolver(
            LevelResolver.create()
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                .withLevel(
                    "validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                .build())
        .build();
  }

  private void assertValid(
      OpenApiInteractionValidator validator,
      String method,
      String pathAndQuery,
      HttpResponse<String> response) {
    int question = pathAndQuery.indexOf('?');
    String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(method, path).withHeader("Authorization", "Bearer " + token);
    if (question >= 0) {
      for (String pair : pathAndQuery.substring(question + 1).split("&", -1)) {
        String[] parts = pair.split("=", 2);
        request.withQueryParam(parts[0], parts[1]);
      }
    }
    ValidationReport requestReport = validator.validateRequest(request.build());
    ValidationReport responseReport =
        validator.validateResponse(
            path,
            Request.Method.valueOf(method),
            SimpleResponse.Builder.status(response.statusCode())
                .withContentType("application/json")
                .withBody(response.body())
                .build());
    assertThat(requestReport.getMessages()).as(method + " " + pathAndQuery).isEmpty();
    assertThat(responseReport.getMessages()).as(method + " " + pathAndQuery).isEmpty();
  }
}
