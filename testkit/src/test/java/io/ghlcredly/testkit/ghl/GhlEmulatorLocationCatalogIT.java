package io.ghlcredly.testkit.ghl;

import static io.ghlcredly.testkit.ghl.GhlApiCaller.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a location defines for the rule editor's pickers: its tags and custom fields. */
class GhlEmulatorLocationCatalogIT {
  private final GhlEmulator emulator = GhlEmulator.start();
  private final String academy = emulator.locationId();
  private final String campus = emulator.addLocation("North Campus");
  private final GhlApiCaller academyApi = new GhlApiCaller(emulator);
  private final GhlApiCaller campusApi =
      new GhlApiCaller(emulator)
          .with("Authorization", "Bearer " + emulator.privateTokenFor(campus).reveal());

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void tagsAppearOnceAContactIsTaggedAndKeepTheirIds() {
    assertThat(tagNames(academyApi, academy)).isEmpty();
    String ada = emulator.seedContact("Ada", "Lovelace", "ada@example.com", "vip");
    String bob = emulator.seedContact("Bob", "Babbage", "bob@example.com", "vip");

    HttpResponse<String> added =
        academyApi.call("POST", "/contacts/" + bob + "/tags", "{\"tags\":[\"course-101\"]}");
    emulator.addTags(ada, "alumni");
    String planned = emulator.seedLocationTag(academy, "planned");
    JsonNode tags = json(academyApi.get("/locations/" + academy + "/tags")).path("tags");

    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(tagNames(academyApi, academy))
        .containsExactlyInAnyOrder("vip", "course-101", "alumni", "planned");
    assertThat(tags.get(0).path("locationId").asText()).isEqualTo(academy);
    assertThat(tags.findValuesAsText("id")).doesNotHaveDuplicates().contains(planned);
    assertThat(json(academyApi.get("/locations/" + academy + "/tags")).path("tags"))
        .isEqualTo(tags);
    assertThat(tagNames(campusApi, campus)).isEmpty();
  }

  @Test
  void customFieldsSeededAreListedWithTheirKeysAndTypes() {
    String course = emulator.seedCustomField(academy, "Course Code", "TEXT");
    emulator.seedCustomField(academy, "Score", "NUMERICAL");
    emulator.seedCustomField(campus, "Campus Room", "TEXT");

    JsonNode fields =
        json(academyApi.get("/locations/" + academy + "/customFields")).path("customFields");
    JsonNode opportunity =
        json(academyApi.get("/locations/" + academy + "/customFields?model=opportunity"))
            .path("customFields");
    HttpResponse<String> badModel =
        academyApi.get("/locations/" + academy + "/customFields?model=user");

    assertThat(fields.findValuesAsText("name")).containsExactly("Course Code", "Score");
    assertThat(fields.get(0).path("id").asText()).isEqualTo(course);
    assertThat(fields.get(0).path("fieldKey").asText()).isEqualTo("contact.course_code");
    assertThat(fields.get(1).path("dataType").asText()).isEqualTo("NUMERICAL");
    assertThat(fields.get(0).path("model").asText()).isEqualTo("contact");
    assertThat(opportunity).isEmpty();
    assertThat(badModel.statusCode()).isEqualTo(422);
  }

  @Test
  void anotherLocationsTokenIsRefused() {
    emulator.seedContact("Ada", "Lovelace", "ada@example.com", "vip");

    HttpResponse<String> tags = campusApi.get("/locations/" + academy + "/tags");
    HttpResponse<String> fields = campusApi.get("/locations/" + academy + "/customFields");

    assertThat(tags.statusCode()).isEqualTo(403);
    assertThat(fields.statusCode()).isEqualTo(403);
    assertThat(json(tags).path("message").asText())
        .isEqualTo("The token does not have access to this location.");
  }

  @Test
  void workflowsCampaignsAndUsersSeededAreListedForTheirLocationOnly() {
    String onboarding = emulator.seedWorkflow(academy, "Onboarding", "published");
    emulator.seedWorkflow(campus, "Campus tour", "draft");
    emulator.seedCampaign(academy, "Welcome", "published");
    emulator.seedCampaign(academy, "Spring promo", "draft");
    String grace = emulator.seedUser(academy, "Grace", "Hopper", "grace@example.com");

    JsonNode workflows = json(academyApi.get("/workflows/?locationId=" + academy));
    JsonNode published =
        json(academyApi.get("/campaigns/?locationId=" + academy + "&status=published"));
    JsonNode users = json(academyApi.get("/users/?locationId=" + academy));

    assertThat(workflows.path("workflows").findValuesAsText("name")).containsExactly("Onboarding");
    assertThat(workflows.path("workflows").get(0).path("id").asText()).isEqualTo(onboarding);
    assertThat(published.path("campaigns").findValuesAsText("name")).containsExactly("Welcome");
    assertThat(json(academyApi.get("/campaigns/?locationId=" + academy)).path("campaigns"))
        .hasSize(2);
    assertThat(users.path("users").get(0).path("id").asText()).isEqualTo(grace);
    assertThat(users.path("users").get(0).path("name").asText()).isEqualTo("Grace Hopper");
    assertThat(users.path("users").get(0).path("email").asText()).isEqualTo("grace@example.com");
    assertThat(campusApi.get("/workflows/?locationId=" + academy).statusCode()).isEqualTo(403);
    assertThat(campusApi.get("/campaigns/?locationId=" + academy).statusCode()).isEqualTo(403);
    assertThat(campusApi.get("/users/?locationId=" + academy).statusCode()).isEqualTo(403);
    assertThat(academyApi.get("/workflows/").statusCode()).isEqualTo(422);
  }

  private static List<String> tagNames(GhlApiCaller api, String location) {
    List<String> names = new ArrayList<>();
    json(api.get("/locations/" + location + "/tags"))
        .path("tags")
        .forEach(tag -> names.add(tag.path("name").asText()));
    return names;
  }
}
