package io.ghlcredly.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.CrmWriter.CrmNote;
import io.ghlcredly.core.port.CrmWriter.CrmTask;
import io.ghlcredly.core.port.CrmWriter.NewTask;
import io.ghlcredly.http.RatePriority;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GhlCrmWriterIT {
  private static final Instant DUE = Instant.parse("2026-04-01T09:00:00Z");

  private final GhlEmulator emulator = GhlEmulator.start();
  private final RecordingGate gate = new RecordingGate();
  private final GhlClient client = RecordingGate.client(GhlClientIT.settings(emulator), gate);
  private final List<LocationId> clientsAskedFor = new ArrayList<>();
  private final GhlCrmWriter writer =
      new GhlCrmWriter(
          location -> {
            clientsAskedFor.add(location);
            return client;
          });
  private final LocationId location = new LocationId(emulator.locationId());
  private final ContactId ada =
      new ContactId(emulator.seedContact("Ada", "Lovelace", "ada@example.com", "lead"));

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void addsTagsThroughTheTagEndpoint() {
    writer.addTags(location, ada, List.of("graduate", "vip"));

    assertThat(emulator.tags(ada.value())).containsExactly("lead", "graduate", "vip");
    EmulatorRequest request = emulator.requests().getLast();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/contacts/" + ada.value() + "/tags");
  }

  @Test
  void removesTagsThroughTheTagEndpoint() {
    writer.removeTags(location, ada, List.of("lead"));

    assertThat(emulator.tags(ada.value())).isEmpty();
    assertThat(emulator.requests().getLast().method()).isEqualTo("DELETE");
  }

  @Test
  void sendsNothingForNoTags() {
    writer.addTags(location, ada, List.of());
    writer.removeTags(location, ada, List.of());

    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void addsANoteAndReadsItBack() {
    String noteId = writer.addNote(location, ada, "Passed the exam");

    assertThat(writer.listNotes(location, ada))
        .containsExactly(new CrmNote(noteId, "Passed the exam"));
    assertThat(writer.findNote(location, ada, noteId))
        .contains(new CrmNote(noteId, "Passed the exam"));
  }

  @Test
  void findsNoNoteThatDoesNotExist() {
    assertThat(writer.findNote(location, ada, "noSuchNote000000000")).isEmpty();
  }

  @Test
  void findsNoNoteOfAContactThatDoesNotExist() {
    Optional<CrmNote> note =
        writer.findNote(location, new ContactId("noSuchContact000000"), "noSuchNote000000000");

    assertThat(note).isEmpty();
  }

  @Test
  void failsFindingANoteOnOtherErrors() {
    emulator.inject(Fault.status("GET", "/contacts/", 1, EmulatorResponse.json(503, "")));

    ApiException failure =
        catchThrowableOfType(
            ApiException.class, () -> writer.findNote(location, ada, "noSuchNote000000000"));

    assertThat(failure.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
  }

  @Test
  void createsAnOpenTaskWithTitleBodyAndDueDate() {
    String taskId =
        writer.createTask(location, ada, new NewTask("Send certificate", "Course 101", DUE));

    assertThat(writer.listTasks(location, ada))
        .containsExactly(new CrmTask(taskId, "Send certificate", false, DUE));
    assertThat(emulator.requests().getFirst().body())
        .contains(
            "\"title\":\"Send certificate\"",
            "\"body\":\"Course 101\"",
            "\"dueDate\":\"2026-04-01T09:00:00.000Z\"",
            "\"completed\":false");
  }

  @Test
  void completesATask() {
    String taskId = writer.createTask(location, ada, new NewTask("Call", null, DUE));

    writer.completeTask(location, ada, taskId);

    assertThat(writer.listTasks(location, ada))
        .containsExactly(new CrmTask(taskId, "Call", true, DUE));
    EmulatorRequest complete = emulator.requests().get(1);
    assertThat(complete.method()).isEqualTo("PUT");
    assertThat(complete.path())
        .isEqualTo("/contacts/" + ada.value() + "/tasks/" + taskId + "/completed");
  }

  @Test
  void failsCompletingATaskThatDoesNotExist() {
    ApiException failure =
        catchThrowableOfType(
            ApiException.class, () -> writer.completeTask(location, ada, "noSuchTask000000000"));

    assertThat(failure.status()).isEqualTo(400);
  }

  @Test
  void asksForEachLocationsClientOnce() {
    writer.addTags(location, ada, List.of("a"));
    writer.addNote(location, ada, "one");
    writer.listTasks(location, ada);

    assertThat(clientsAskedFor).containsExactly(location);
  }

  @Test
  void spendsTheLocationsBudgetAtLivePriority() {
    writer.addTags(location, ada, List.of("a"));
    writer.listNotes(location, ada);

    assertThat(gate.spends())
        .containsOnly(new RecordingGate.Spend(location.value(), RatePriority.LIVE))
        .hasSize(2);
  }
}
