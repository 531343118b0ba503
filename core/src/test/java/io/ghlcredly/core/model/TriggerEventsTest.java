package io.ghlcredly.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TriggerEventsTest {
  private static final EventId ID = new EventId("w-1");
  private static final ContactId ADA = new ContactId("ada");
  private static final LocationId LOCATION = new LocationId("loc");
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void namesEveryNoteTaskAndDndEventForStorage() {
    assertThat(new SyncEvent.ContactDndUpdated(ID, ADA, LOCATION, AT).type())
        .isEqualTo("contact.dnd-updated");
    assertThat(new SyncEvent.NoteCreated(ID, ADA, LOCATION, AT, "n").type())
        .isEqualTo("note.created");
    assertThat(new SyncEvent.NoteUpdated(ID, ADA, LOCATION, AT, "n").type())
        .isEqualTo("note.updated");
    assertThat(new SyncEvent.NoteDeleted(ID, ADA, LOCATION, AT, "n").type())
        .isEqualTo("note.deleted");
    assertThat(new SyncEvent.TaskCreated(ID, ADA, LOCATION, AT, "t", "x").type())
        .isEqualTo("task.created");
    assertThat(new SyncEvent.TaskCompleted(ID, ADA, LOCATION, AT, "t", null).type())
        .isEqualTo("task.completed");
    assertThat(new SyncEvent.TaskDeleted(ID, ADA, LOCATION, AT, "t", null).type())
        .isEqualTo("task.deleted");
  }

  @Test
  void refusesANoteOrTaskEventWithoutItsSubject() {
    assertThatThrownBy(() -> new SyncEvent.NoteCreated(ID, ADA, LOCATION, AT, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("noteId");
    assertThatThrownBy(() -> new SyncEvent.TaskCompleted(ID, ADA, LOCATION, AT, "", "title"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskId");
  }

  @Test
  void acceptsAnAgencyLevelUninstallWithoutALocation() {
    AccountEvent.AppUninstalled uninstalled =
        new AccountEvent.AppUninstalled(ID, null, "company-1", AT);

    assertThat(uninstalled.locationId()).isNull();
    assertThat(uninstalled.companyId()).isEqualTo("company-1");
  }

  @Test
  void refusesAnAccountEventWithNeitherLocationNorCompany() {
    assertThatThrownBy(() -> new AccountEvent.AppInstalled(ID, null, null, AT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
