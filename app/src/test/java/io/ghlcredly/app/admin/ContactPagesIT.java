package io.ghlcredly.app.admin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.OperatorRole;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contacts on H2 with two workspaces: found by email, name or id among their snapshots, one
 * contact's timeline in plain words (event, rule action, badge, failure), the overview naming
 * people instead of ids, and 404 for a contact out of the caller's scope or unknown.
 */
class ContactPagesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADA = "contact-ada";
  private static final String NORTH = "contact-north";

  @TempDir Path folder;
  private TwoWorkspaces service;
  private AdminClient client;
  private String token;
  private DeadLetter adaLetter;

  @BeforeEach
  void start() {
    service = TwoWorkspaces.start(folder, DemoEnvironment.Extras.NONE);
    client = new AdminClient(service.app().port());
    token = service.env().adminToken().reveal();
    LocationId academy = new LocationId(service.academyLocation());
    adaLetter = service.seedContact(ADA, academy);
    service.namePerson(ADA, academy, "Ada", "ada@academy.example", "course-101-complete");
    service.seedContact(NORTH, TwoWorkspaces.NORTH_LOCATION);
    service.namePerson(
        NORTH, TwoWorkspaces.NORTH_LOCATION, "Nora", "nora@north.example", "north-badge");
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void findsContactsByEmailNameOrIdWithTheirLocationAndBadges() throws IOException {
    for (String query : new String[] {"ADA@academy", "ada lovelace", ADA}) {
      JsonNode found = contacts(query);
      assertThat(found).as(query).hasSize(1);
      assertThat(found.get(0).path("id").asText()).isEqualTo(ADA);
      assertThat(found.get(0).path("email").asText()).isEqualTo("ada@academy.example");
      assertThat(found.get(0).path("name").asText()).isEqualTo("Ada Lovelace");
      assertThat(found.get(0).path("badges").get(0).asText()).isEqualTo("course-101-complete");
      assertThat(found.get(0).path("lastActivity").asText()).isNotBlank();
    }
    // "lovelace" matches both; the JSON's keys ("email") match nobody by themselves.
    assertThat(contacts("lovelace")).hasSize(2);
    assertThat(contacts("email")).isEmpty();
    assertThat(contacts("")).isEmpty();
    assertThat(contacts("%")).isEmpty();
    JsonNode north = contacts("nora");
    assertThat(north.get(0).path("locationName").asText()).isEqualTo("North Academy HQ");

    String page = client.get("/admin/api/contacts?q=nobody", token).body();
    assertThat(page).isEqualTo("{\"contacts\":[]}");
  }

  @Test
  void showsOneContactsTimelineInPlainWords() throws IOException {
    JsonNode timeline = JSON.readTree(client.get("/admin/api/contacts/" + ADA, token).body());
    assertThat(timeline.path("contact").path("name").asText()).isEqualTo("Ada Lovelace");
    JsonNode entries = timeline.path("entries");
    assertThat(entries.findValuesAsText("title"))
        .contains(
            "Tags changed",
            "Issue a badge",
            "Badge course-101-complete",
            "Failed, needs attention",
            "Changed here: replayed");
    assertThat(entries.findValuesAsText("kind"))
        .contains("event", "action", "badge", "failure", "change");
    JsonNode failure =
        entries.findParents("kind").stream()
            .filter(entry -> entry.path("kind").asText().equals("failure"))
            .findFirst()
            .orElseThrow();
    assertThat(failure.path("deadLetterId").asLong()).isEqualTo(adaLetter.id());
    assertThat(failure.path("details").toString()).contains("HTTP 422");
  }

  @Test
  void theOverviewAndTheContactPageNameThePersonAndALimitedOperatorGets404ForOthers()
      throws IOException {
    String password =
        service.addOperator(
            "limited@academy.example", OperatorRole.VIEWER, Set.of(TwoWorkspaces.ACADEMY));
    String cookie = signIn("limited@academy.example", password);

    String overview = client.getWithCookie("/admin", cookie).body();
    assertThat(overview)
        .contains("href=\"/admin/contacts/" + ADA + "\">Ada Lovelace</a>")
        .contains("ada@academy.example")
        .contains("href=\"/admin/contacts\"")
        .doesNotContain("Nora");

    String search = client.getWithCookie("/admin/contacts?q=lovelace", cookie).body();
    assertThat(search).contains("Ada Lovelace").doesNotContain("Nora").doesNotContain(NORTH);
    assertThat(client.getWithCookie("/admin/contacts", cookie).body())
        .contains("Type part of a name");

    HttpResponse<String> page = client.getWithCookie("/admin/contacts/" + ADA, cookie);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Ada Lovelace")
        .contains("Tags changed")
        .contains("Failed, needs attention")
        .contains("An editor or an admin can retry this.")
        .doesNotContain("class=\"retry\"");

    assertThat(client.getWithCookie("/admin/contacts/" + NORTH, cookie).statusCode())
        .isEqualTo(404);
    assertThat(client.getWithCookie("/admin/contacts/no-such-contact", cookie).statusCode())
        .isEqualTo(404);
    assertThat(client.getWithCookie("/admin/api/contacts/" + NORTH, cookie).statusCode())
        .isEqualTo(404);
    assertThat(client.getWithCookie("/admin/api/contacts/nobody", cookie).statusCode())
        .isEqualTo(404);
    assertThat(client.getWithCookie("/admin/api/contacts?q=nora", cookie).body())
        .isEqualTo("{\"contacts\":[]}");
    assertThat(client.getWithCookie("/admin/api/contacts?workspace=north", cookie).statusCode())
        .isEqualTo(404);
  }

  @Test
  void anEditorRetriesAFailureFromTheContactsPageAndComesBackToIt() {
    String cookie = signIn(DemoEnvironment.ADMIN_EMAIL, service.env().adminPassword().reveal());
    String page = client.getWithCookie("/admin/contacts/" + ADA, cookie).body();
    assertThat(page).contains("class=\"retry\"");
    java.util.regex.Matcher csrf =
        java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> retry =
        client.postForm(
            "/admin/dead-letters/" + adaLetter.id() + "/replay",
            "csrf=" + URLEncoder.encode(csrf.group(1), UTF_8) + "&contact=" + ADA,
            cookie);
    assertThat(retry.statusCode()).isEqualTo(303);
    assertThat(retry.headers().firstValue("Location"))
        .hasValue("/admin/contacts/" + ADA + "?notice=replayed");
    assertThat(client.getWithCookie("/admin/contacts/" + ADA, cookie).body())
        .contains("Failed, retried since");
  }

  private JsonNode contacts(String query) throws IOException {
    HttpResponse<String> response =
        client.get("/admin/api/contacts?q=" + URLEncoder.encode(query, UTF_8), token);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).path("contacts");
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
}
