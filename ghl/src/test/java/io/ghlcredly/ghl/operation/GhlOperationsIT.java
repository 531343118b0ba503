package io.ghlcredly.ghl.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.ghl.GhlClient;
import io.ghlcredly.ghl.GhlSettings;
import io.ghlcredly.http.JsonCodec;
import io.ghlcredly.http.catalog.Catalog;
import io.ghlcredly.http.catalog.OperationCall;
import io.ghlcredly.http.catalog.OperationSpec;
import io.ghlcredly.http.catalog.TriggerSpec;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GhlOperationsIT {
  private final GhlEmulator emulator = GhlEmulator.start();
  private final Catalog catalog =
      new Catalog(
          GhlOperations.operations(
              GhlClient.create(
                  GhlSettings.defaults(emulator.accessToken()).withBaseUrl(emulator.baseUrl()))),
          GhlOperations.triggers());

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void namesOperationsAfterTheSpecInKebabCase() {
    // The 32 operations of contacts.json; get-location, get-location-tags and get-custom-fields
    // of locations.json; the list operations of workflows.json, campaigns.json and users.json.
    assertThat(catalog.operations()).hasSize(38);
    assertThat(catalog.operations())
        .extracting(OperationSpec::name)
        .contains(
            "ghl.get-contact",
            "ghl.create-task",
            "ghl.search-contacts",
            "ghl.get-contacts-by-business-id",
            "ghl.update-tags-in-bulk",
            "ghl.remove-contact-from-every-campaign",
            "ghl.get-location",
            "ghl.get-location-tags",
            "ghl.get-custom-fields",
            "ghl.get-workflows",
            "ghl.get-campaigns",
            "ghl.get-users-by-location");
    assertThat(catalog.find("ghl.get-location").orElseThrow().spec().requiredScope())
        .hasValue("locations.readonly");
    assertThat(catalog.find("ghl.get-location-tags").orElseThrow().spec().requiredScope())
        .hasValue("locations/tags.readonly");
    assertThat(catalog.find("ghl.get-custom-fields").orElseThrow().spec().requiredScope())
        .hasValue("locations/customFields.readonly");
    assertThat(catalog.find("ghl.get-users-by-location").orElseThrow().spec().requiredScope())
        .hasValue("users.readonly");
    OperationSpec getContact = catalog.find("ghl.get-contact").orElseThrow().spec();
    assertThat(getContact.requiredScope()).hasValue("contacts.readonly");
    assertThat(getContact.pathTemplate()).isEqualTo("/contacts/{contactId}");
  }

  @Test
  void listsTheWebhookTriggers() {
    assertThat(catalog.triggers())
        .extracting(TriggerSpec::name)
        .containsExactlyInAnyOrder(
            "ghl.contact-create",
            "ghl.contact-update",
            "ghl.contact-delete",
            "ghl.contact-tag-update",
            "ghl.contact-dnd-update",
            "ghl.note-create",
            "ghl.note-update",
            "ghl.note-delete",
            "ghl.task-create",
            "ghl.task-complete",
            "ghl.task-delete",
            "ghl.app-install",
            "ghl.app-uninstall");
  }

  @Test
  void invokesAnOperationAndReturnsTheRawJson() {
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    String answer = invoke("ghl.add-tags", Map.of("contactId", id), "{\"tags\":[\"vip\"]}");

    assertThat(new JsonCodec().tree(answer).get("tags").get(0).asText()).isEqualTo("vip");
    assertThat(emulator.tags(id)).containsExactly("vip");
  }

  @Test
  void sendsQueryParametersEncoded() {
    emulator.seedContact("Ada", "Lovelace", "a+b@example.com");

    String answer =
        invoke(
            "ghl.get-duplicate-contact",
            Map.of("locationId", emulator.locationId(), "email", "a+b@example.com"),
            null);

    assertThat(answer).contains("a+b@example.com");
    assertThat(emulator.requests().getLast().rawQuery()).contains("email=a%2Bb%40example.com");
  }

  @Test
  void listsWhatTheRuleEditorsPickersOffer() {
    emulator.seedContact("Ada", "Lovelace", "ada@example.com", "vip");
    String course = emulator.seedCustomField(emulator.locationId(), "Course Code", "TEXT");

    String tags =
        invoke("ghl.get-location-tags", Map.of("locationId", emulator.locationId()), null);
    String fields =
        invoke(
            "ghl.get-custom-fields",
            Map.of("locationId", emulator.locationId(), "model", "contact"),
            null);
    String workflows =
        invoke("ghl.get-workflows", Map.of("locationId", emulator.locationId()), null);

    assertThat(tags).contains("\"name\":\"vip\"");
    assertThat(workflows).contains("\"workflows\"");
    assertThat(fields).contains(course).contains("contact.course_code");
    assertThat(emulator.requests().get(1).rawQuery()).isEqualTo("model=contact");
  }

  @Test
  void refusesAMissingRequiredParameterByName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> invoke("ghl.get-task", Map.of("contactId", "c1"), null))
        .withMessageContaining("taskId");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> invoke("ghl.get-contacts", Map.of(), null))
        .withMessageContaining("locationId");
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void refusesUnknownParametersAndMissingBodies() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> invoke("ghl.get-contact", Map.of("contactId", "c", "bogus", "x"), null))
        .withMessageContaining("bogus");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> invoke("ghl.create-task", Map.of("contactId", "c"), null))
        .withMessageContaining("body");
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void reportsValidationFailuresWithEveryMessage() {
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    ApiException failure =
        catchThrowableOfType(
            ApiException.class,
            () -> invoke("ghl.create-task", Map.of("contactId", id), "{\"title\":\"Call\"}"));

    assertThat(failure.status()).isEqualTo(422);
    assertThat(failure.providerMessage())
        .hasValue("dueDate should not be empty; completed should not be empty");
  }

  private String invoke(String name, Map<String, String> params, @Nullable String body) {
    return catalog.find(name).orElseThrow().invoke(new OperationCall(params, body));
  }
}
