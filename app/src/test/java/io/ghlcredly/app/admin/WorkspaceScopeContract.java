package io.ghlcredly.app.admin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.core.port.ChangeLog;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two workspaces, each with a contact that has an event, a journal entry, a dead letter and a
 * change: an operator limited to one sees none of the other's rows through any list and gets 404
 * for its contact, dead letter, plan and import; the admin sees both; {@code ?workspace=} narrows.
 */
abstract class WorkspaceScopeContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACADEMY_CONTACT = "contact-of-academy";
  private static final String NORTH_CONTACT = "contact-of-north";
  private static final List<String> LISTS =
      List.of(
          "/admin/api/events",
          "/admin/api/journal",
          "/admin/api/dead-letters",
          "/admin/api/changes",
          "/admin/api/commands/dead-letters");

  @TempDir Path folder;
  private TwoWorkspaces service;
  private AdminClient client;
  private String token;
  private DeadLetter academyLetter;
  private DeadLetter northLetter;

  /** Where the service keeps its data. */
  abstract DemoEnvironment.Extras storage();

  @BeforeEach
  void startTwoWorkspaces() {
    service = TwoWorkspaces.start(folder, storage());
    client = new AdminClient(service.app().port());
    token = service.env().adminToken().reveal();
    academyLetter = service.seedContact(ACADEMY_CONTACT, new LocationId(service.academyLocation()));
    northLetter = service.seedContact(NORTH_CONTACT, TwoWorkspaces.NORTH_LOCATION);
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void anOperatorLimitedToOneWorkspaceSeesNoneOfTheOthersRows() throws IOException {
    String password =
        service.addOperator(
            "limited@academy.example", OperatorRole.EDITOR, Set.of(TwoWorkspaces.ACADEMY));
    String cookie = signIn("limited@academy.example", password);

    for (String list : LISTS) {
      String body = client.getWithCookie(list, cookie).body();
      assertThat(body).as(list).contains(ACADEMY_CONTACT).doesNotContain(NORTH_CONTACT);
    }
    assertThat(client.getWithCookie("/admin/api/events?workspace=north", cookie).statusCode())
        .isEqualTo(404);
    assertThat(client.getWithCookie("/admin/api/events?workspace=academy", cookie).body())
        .contains(ACADEMY_CONTACT);
    JsonNode rules = JSON.readTree(client.getWithCookie("/admin/api/rules", cookie).body());
    assertThat(rules.path("rules").findValuesAsText("workspace")).containsOnly("academy");
    JsonNode workspaces =
        JSON.readTree(client.getWithCookie("/admin/api/workspaces", cookie).body());
    assertThat(ids(workspaces.path("workspaces"))).containsExactly("academy");
    JsonNode accounts = JSON.readTree(client.getWithCookie("/admin/api/accounts", cookie).body());
    assertThat(accounts.path("workspaces").findValuesAsText("workspace"))
        .containsExactly("academy");

    // Another workspace's contact, dead letter, plan: as if they did not exist.
    assertThat(status(cookie, "/admin/api/commands/audit?contact=" + NORTH_CONTACT)).isEqualTo(404);
    assertThat(status(cookie, "/admin/api/commands/audit?contact=" + ACADEMY_CONTACT))
        .isEqualTo(200);
    assertThat(status(cookie, "/admin/api/commands/dead-letters/" + northLetter.id()))
        .isEqualTo(404);
    assertThat(status(cookie, "/admin/api/commands/dead-letters/" + academyLetter.id()))
        .isEqualTo(200);
    assertThat(
            status(
                cookie,
                "/admin/api/commands/plan?contact=" + NORTH_CONTACT + "&location=loc-north"))
        .isEqualTo(404);
    String csrf = csrf(cookie);
    assertThat(
            client
                .postWithSession(
                    "/admin/api/dead-letters/" + northLetter.id() + "/replay", cookie, csrf)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            client
                .postWithSession(
                    "/admin/api/commands/dead-letters/" + northLetter.id() + "/replay",
                    cookie,
                    csrf)
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> replayAll =
        client.postWithSession("/admin/api/dead-letters/replay-all", cookie, csrf);
    assertThat(replayAll.body()).contains(ACADEMY_CONTACT).doesNotContain(NORTH_CONTACT);
    assertThat(service.app().stores().deadLetters().find(northLetter.id()).orElseThrow())
        .extracting(DeadLetter::replayedAt)
        .isNull();

    // The pages too: the overview shows no row of the other workspace, and its id is a 404.
    String page = client.getWithCookie("/admin", cookie).body();
    assertThat(page).contains(ACADEMY_CONTACT).doesNotContain(NORTH_CONTACT);
    assertThat(client.getWithCookie("/admin?workspace=north", cookie).statusCode()).isEqualTo(404);
    assertThat(client.getWithCookie("/admin/workspaces", cookie).statusCode()).isEqualTo(403);
    assertThat(page).doesNotContain("href=\"/admin/workspaces\"");
  }

  @Test
  void theAdminSeesBothWorkspacesAndNarrowsToOne() throws IOException {
    for (String list : LISTS) {
      assertThat(client.get(list, token).body())
          .as(list)
          .contains(ACADEMY_CONTACT)
          .contains(NORTH_CONTACT);
      String north = client.get(list + "?workspace=north", token).body();
      assertThat(north).as(list).contains(NORTH_CONTACT).doesNotContain(ACADEMY_CONTACT);
      String academy = client.get(list + "?workspace=academy", token).body();
      assertThat(academy).as(list).contains(ACADEMY_CONTACT).doesNotContain(NORTH_CONTACT);
      assertThat(client.get(list + "?workspace=nowhere", token).statusCode()).isEqualTo(404);
    }
    assertThat(client.get("/admin/api/commands/audit?contact=" + NORTH_CONTACT, token).statusCode())
        .isEqualTo(200);
    JsonNode workspaces = JSON.readTree(client.get("/admin/api/workspaces", token).body());
    assertThat(ids(workspaces.path("workspaces"))).containsExactlyInAnyOrder("academy", "north");
    // North has no Credly organization yet: it is failing, and listed first.
    assertThat(workspaces.path("workspaces").get(0).path("id").asText()).isEqualTo("north");
    assertThat(workspaces.path("workspaces").get(0).path("problems").get(0).asText())
        .contains("no Credly organization connected");
  }

  @Test
  void anOperatorLimitedToTheOtherWorkspaceSeesOnlyItsRowsAndNoChangesOfOthers()
      throws IOException {
    new io.ghlcredly.storage.JdbcChangeLog(service.app().database())
        .record(
            new ChangeLog.Change(
                java.time.Instant.now(), "admin-token", "created workspace x", "x", null));
    String password =
        service.addOperator(
            "north@academy.example", OperatorRole.VIEWER, Set.of(TwoWorkspaces.NORTH));
    String cookie = signIn("north@academy.example", password);
    for (String list : LISTS) {
      String body = client.getWithCookie(list, cookie).body();
      assertThat(body).as(list).contains(NORTH_CONTACT).doesNotContain(ACADEMY_CONTACT);
    }
    assertThat(client.getWithCookie("/admin/api/changes", cookie).body())
        .doesNotContain("created workspace x");
    assertThat(client.get("/admin/api/changes", token).body()).contains("created workspace x");
  }

  @Test
  void theAdminApiCreatesAWorkspaceAndAssignsAndUnassignsALocation() throws IOException {
    HttpResponse<String> created =
        client.postJson("/admin/api/workspaces", "{\"name\":\"South Academy\"}", token);
    HttpResponse<String> again =
        client.postJson("/admin/api/workspaces", "{\"name\":\"South Academy\"}", token);
    HttpResponse<String> badId =
        client.postJson("/admin/api/workspaces", "{\"name\":\"X\",\"id\":\"Bad Id\"}", token);
    HttpResponse<String> assigned =
        client.postJson(
            "/admin/api/workspaces/south-academy/locations", "{\"location\":\"loc-south\"}", token);
    HttpResponse<String> fileLocation =
        client.postJson(
            "/admin/api/workspaces/south-academy/locations",
            "{\"location\":\"" + service.academyLocation() + "\"}",
            token);
    HttpResponse<String> unassigned =
        client.delete("/admin/api/workspaces/south-academy/locations/loc-south", token);
    HttpResponse<String> unknown =
        client.delete("/admin/api/workspaces/south-academy/locations/loc-south", token);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(assigned.statusCode()).isEqualTo(200);
    assertThat(fileLocation.statusCode()).isEqualTo(409);
    assertThat(fileLocation.body()).contains("configuration file");
    assertThat(unassigned.statusCode()).isEqualTo(200);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(client.get("/admin/api/changes", token).body())
        .contains("created workspace South Academy")
        .contains("assigned location loc-south to workspace south-academy")
        .contains("took location loc-south out of workspace south-academy");
  }

  @Test
  void anAdminLimitsAViewerOnTheOperatorsPageAndTheLimitHoldsFromTheNextRequest() {
    String password = service.addOperator("viewer@academy.example", OperatorRole.VIEWER, Set.of());
    String viewer = signIn("viewer@academy.example", password);
    assertThat(client.getWithCookie("/admin/api/events", viewer).body()).contains(NORTH_CONTACT);
    String admin = signIn(DemoEnvironment.ADMIN_EMAIL, service.env().adminPassword().reveal());
    long id =
        new io.ghlcredly.storage.JdbcOperatorStore(service.app().database())
            .findByEmail("viewer@academy.example")
            .orElseThrow()
            .id()
            .value();
    String operators = client.getWithCookie("/admin/operators", admin).body();
    assertThat(operators).contains("id=\"limit-" + id + "-north\"");

    HttpResponse<String> limited =
        client.postForm(
            "/admin/operators/" + id + "/workspaces",
            "csrf=" + csrf(admin) + "&workspace=academy",
            admin);

    assertThat(limited.statusCode()).isEqualTo(303);
    assertThat(client.getWithCookie("/admin/api/events", viewer).body())
        .contains(ACADEMY_CONTACT)
        .doesNotContain(NORTH_CONTACT);
    assertThat(client.getWithCookie("/admin/operators", admin).body())
        .contains("only Main Academy");
    assertThat(client.get("/admin/api/changes", token).body())
        .contains("limited to workspaces academy");
  }

  private static List<String> ids(JsonNode workspaces) {
    List<String> ids = new java.util.ArrayList<>();
    workspaces.forEach(workspace -> ids.add(workspace.path("id").asText()));
    return ids;
  }

  private int status(String cookie, String path) {
    return client.getWithCookie(path, cookie).statusCode();
  }

  private String signIn(String email, String password) {
    HttpResponse<String> login =
        client.postForm(
            "/admin/login",
            "email="
                + URLEncoder.encode(email, UTF_8)
                + "&password="
                + URLEncoder.encode(password, UTF_8),
            null);
    assertThat(login.statusCode()).isEqualTo(303);
    return login.headers().firstValue("Set-Cookie").orElseThrow().split(";", -1)[0];
  }

  /** The session's CSRF token, from the form fields of the overview. */
  private String csrf(String cookie) {
    Matcher matcher =
        Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
            .matcher(client.getWithCookie("/admin", cookie).body());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
