package io.ghlcredly.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.ghl.api.BusinessContactsRequest;
import io.ghlcredly.ghl.api.ContactInput;
import io.ghlcredly.ghl.api.CreateContactResult;
import io.ghlcredly.ghl.api.CreateTaskRequest;
import io.ghlcredly.ghl.api.GhlContact;
import io.ghlcredly.ghl.api.GhlContactSummary;
import io.ghlcredly.ghl.api.GhlCustomFieldValue;
import io.ghlcredly.ghl.api.GhlNote;
import io.ghlcredly.ghl.api.GhlTask;
import io.ghlcredly.ghl.api.NoteRequest;
import io.ghlcredly.ghl.api.SearchContactsRequest;
import io.ghlcredly.ghl.api.SearchContactsRequest.SearchFilter;
import io.ghlcredly.ghl.api.UpdateTaskRequest;
import io.ghlcredly.ghl.api.UpsertContactResponse;
import io.ghlcredly.http.JsonCodec;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GhlClientOperationsIT {
  private static final io.ghlcredly.core.model.LocationId ANY_LOCATION =
      new io.ghlcredly.core.model.LocationId("any-location");

  private final GhlEmulator emulator = GhlEmulator.start();
  private final GhlClient client = GhlClient.create(GhlClientIT.settings(emulator));
  private final LocationId location = new LocationId(emulator.locationId());
  private final JsonCodec json = new JsonCodec();

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void createsReadsUpdatesAndDeletesAContact() {
    ContactId id = create(ContactInput.builder().firstName("Ada").email("ada@example.com").build());

    assertThat(contact(id).firstName()).isEqualTo("Ada");
    assertThat(client.updateContact(id, ContactInput.builder().city("London").build()).ok())
        .isTrue();
    assertThat(contact(id).city()).isEqualTo("London");
    assertThat(client.deleteContact(id).ok()).isTrue();
    ApiException gone = catchThrowableOfType(ApiException.class, () -> client.getContact(id));
    assertThat(gone.status()).isEqualTo(400);
    assertThat(gone.providerMessage()).hasValue("Contact with id " + id.value() + " not found");
    assertThat(new GhlCrmGateway(client).findContact(ANY_LOCATION, id)).isEmpty();
  }

  @Test
  void answersADuplicateCreateWithTheExistingContactId() {
    ContactId first = create(ContactInput.builder().email("ada@example.com").build());

    CreateContactResult again =
        client.createContact(location, ContactInput.builder().email("ADA@example.com").build());

    assertThat(again).isEqualTo(new CreateContactResult.Duplicate(first, "email"));
  }

  @Test
  void upsertsByEmailThenCreatesWhenNew() {
    ContactId existing = create(ContactInput.builder().email("ada@example.com").build());

    UpsertContactResponse updated =
        client.upsertContact(
            location,
            ContactInput.builder().email("ada@example.com").lastName("King").build(),
            null);
    UpsertContactResponse created =
        client.upsertContact(
            location, ContactInput.builder().email("new@example.com").build(), null);

    assertThat(updated.created()).isFalse();
    assertThat(Objects.requireNonNull(updated.contact()).id()).isEqualTo(existing.value());
    assertThat(contact(existing).lastName()).isEqualTo("King");
    assertThat(created.created()).isTrue();
  }

  @Test
  void writesCustomFieldsAsFieldValueAndReadsThemAsValue() {
    ContactId id =
        create(
            ContactInput.builder()
                .email("ada@example.com")
                .customFields(
                    List.of(
                        GhlCustomFieldValue.byId("f-text", "first programmer"),
                        GhlCustomFieldValue.byId("f-multi", List.of("math", "poetry"))))
                .build());

    JsonNode sent = json.tree(emulator.requests().getFirst().body()).get("customFields");
    assertThat(sent.get(0).get("field_value").asText()).isEqualTo("first programmer");
    assertThat(sent.get(0).has("value")).isFalse();
    GhlContact read = contact(id);
    assertThat(read.customFields()).hasSize(2);
    assertThat(Objects.requireNonNull(read.customFields().get(0).value()).asText())
        .isEqualTo("first programmer");
    assertThat(Objects.requireNonNull(read.customFields().get(1).value()).size()).isEqualTo(2);
  }

  @Test
  void neverSendsTagsThroughUpdateOrUpsertAndOnlyNonNullFields() {
    ContactId id = create(ContactInput.builder().email("ada@example.com").build());
    int before = emulator.requests().size();

    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> client.updateContact(id, ContactInput.builder().tags(List.of("vip")).build()))
        .withMessageContaining("tags");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                client.upsertContact(
                    location,
                    ContactInput.builder().email("ada@example.com").tags(List.of("x")).build(),
                    null));
    assertThat(emulator.requests()).hasSize(before);
    client.updateContact(id, ContactInput.builder().city("Paris").build());
    assertThat(emulator.requests().getLast().body()).isEqualTo("{\"city\":\"Paris\"}");
  }

  @Test
  void readsSucceededAsSpelledByVersionThree() {
    ContactId id = create(ContactInput.builder().email("ada@example.com").build());
    emulator.inject(
        Fault.status(
            "DELETE", "/contacts/", 1, EmulatorResponse.json(200, "{\"succeeded\":true}")));

    assertThat(client.deleteContact(id).ok()).isTrue();
  }

  @Test
  void addsAndRemovesTagsWithADeleteCarryingAJsonBody() {
    ContactId id = create(ContactInput.builder().email("ada@example.com").build());

    assertThat(client.addTags(id, List.of("vip", "course-101")).tags())
        .containsExactly("vip", "course-101");
    assertThat(client.removeTags(id, List.of("vip")).tags()).containsExactly("course-101");

    EmulatorRequest removal = emulator.requests().getLast();
    assertThat(removal.method()).isEqualTo("DELETE");
    assertThat(removal.path()).isEqualTo("/contacts/" + id.value() + "/tags");
    assertThat(removal.body()).isEqualTo("{\"tags\":[\"vip\"]}");
  }

  @Test
  void searchesByFilterAndListsTheContactsOfABusiness() {
    ContactId ada = create(ContactInput.builder().email("ada@example.com").build());
    create(ContactInput.builder().email("bob@example.com").build());
    client.addTags(ada, List.of("vip"));
    client.updateBusinessContacts(
        new BusinessContactsRequest(location.value(), List.of(ada.value()), "biz-1"));

    List<GhlContactSummary> vips =
        client
            .searchContacts(
                new SearchContactsRequest(
                    location.value(),
                    10,
                    null,
                    null,
                    List.of(new SearchFilter("tags", "contains", "vip")),
                    null,
                    null))
            .contacts();
    List<GhlContactSummary> business =
        client.listContactsByBusiness("biz-1", location, 10, 0, null).contacts();

    assertThat(vips).extracting(GhlContactSummary::id).containsExactly(ada.value());
    assertThat(business).extracting(GhlContactSummary::id).containsExactly(ada.value());
    assertThat(client.findDuplicateContact(location, "ada@example.com", null))
        .map(GhlContact::id)
        .hasValue(ada.value());
  }

  @Test
  void managesTasksThroughTheirLifecycle() {
    ContactId id = create(ContactInput.builder().email("ada@example.com").build());

    GhlTask task =
        Objects.requireNonNull(
            client
                .createTask(
                    id,
                    new CreateTaskRequest(
                        "Call", "about 101", "2026-03-01T10:00:00.000Z", false, null))
                .task());
    String taskId = Objects.requireNonNull(task.id());
    client.updateTask(id, taskId, new UpdateTaskRequest("Call back", null, null, null, null));
    GhlTask completed = Objects.requireNonNull(client.completeTask(id, taskId, true).task());

    assertThat(completed.title()).isEqualTo("Call back");
    assertThat(completed.completed()).isTrue();
    assertThat(completed.contactId()).isEqualTo(id.value());
    assertThat(client.listTasks(id).tasks()).extracting(GhlTask::id).containsExactly(taskId);
    assertThat(Objects.requireNonNull(client.getTask(id, taskId).task()).body())
        .isEqualTo("about 101");
    assertThat(client.deleteTask(id, taskId).ok()).isTrue();
    assertThat(client.listTasks(id).tasks()).isEmpty();
  }

  @Test
  void managesNotesThroughTheirLifecycle() {
    ContactId id = create(ContactInput.builder().email("ada@example.com").build());

    GhlNote note =
        Objects.requireNonNull(client.createNote(id, NoteRequest.of("Met at the fair")).note());
    String noteId = Objects.requireNonNull(note.id());
    client.updateNote(id, noteId, new NoteRequest(null, null, "Fair", null, true));

    GhlNote read = Objects.requireNonNull(client.getNote(id, noteId).note());
    assertThat(read.body()).isEqualTo("Met at the fair");
    assertThat(read.title()).isEqualTo("Fair");
    assertThat(read.pinned()).isTrue();
    assertThat(read.dateAdded()).isNotBlank();
    assertThat(client.listNotes(id).notes()).hasSize(1);
    assertThat(client.deleteNote(id, noteId).ok()).isTrue();
    assertThat(client.listNotes(id).notes()).isEmpty();
  }

  @Test
  void readsSeededAppointmentsAndManagesFollowersCampaignsAndWorkflows() {
    ContactId id = create(ContactInput.builder().email("ada@example.com").build());
    emulator.seedAppointment(id.value(), "Intro", "2026-03-02 11:00:00", "2026-03-02 11:30:00");

    assertThat(client.listAppointments(id).events())
        .singleElement()
        .satisfies(event -> assertThat(event.title()).isEqualTo("Intro"));
    assertThat(client.addFollowers(id, List.of("u1", "u2")).followersAdded())
        .containsExactly("u1", "u2");
    assertThat(client.removeFollowers(id, List.of("u2")).followers()).containsExactly("u1");
    assertThat(client.addToCampaign(id, "c1").ok()).isTrue();
    client.addToCampaign(id, "c2");
    client.removeFromCampaign(id, "c1");
    assertThat(emulator.campaigns(id.value())).containsExactly("c2");
    client.removeFromAllCampaigns(id);
    assertThat(emulator.campaigns(id.value())).isEmpty();
    assertThat(client.addToWorkflow(id, "w1", null).ok()).isTrue();
    assertThat(emulator.workflows(id.value())).containsExactly("w1");
    client.removeFromWorkflow(id, "w1");
    assertThat(emulator.workflows(id.value())).isEmpty();
  }

  private ContactId create(ContactInput input) {
    CreateContactResult result = client.createContact(location, input);
    assertThat(result).isInstanceOf(CreateContactResult.Created.class);
    return new ContactId(
        Objects.requireNonNull(((CreateContactResult.Created) result).contact().id()));
  }

  private GhlContact contact(ContactId id) {
    return Objects.requireNonNull(client.getContact(id).contact());
  }
}
