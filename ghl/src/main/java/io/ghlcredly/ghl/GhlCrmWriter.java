package io.ghlcredly.ghl;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.CrmWriter;
import io.ghlcredly.ghl.api.CreateTaskRequest;
import io.ghlcredly.ghl.api.GhlNote;
import io.ghlcredly.ghl.api.GhlTask;
import io.ghlcredly.ghl.api.NoteRequest;
import io.ghlcredly.http.RatePriority;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CrmWriter} over {@link GhlClient}: tags through the tag endpoints (never the contact
 * update, which would replace all tags), notes and tasks through theirs. Each call uses the client
 * of the location's account at {@link RatePriority#LIVE}: write-backs are part of a live sync.
 * Thread-safe.
 */
public final class GhlCrmWriter implements CrmWriter {
  private static final Logger log = LoggerFactory.getLogger(GhlCrmWriter.class);

  /** HighLevel's timestamp format, such as {@code 2021-07-08T02:30:00.000Z}. */
  private static final DateTimeFormatter DUE_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final LocationClients clients;

  /**
   * @param clientFor the client authorised for a location, asked once per location
   */
  public GhlCrmWriter(Function<LocationId, GhlClient> clientFor) {
    this.clients = new LocationClients(clientFor, RatePriority.LIVE);
  }

  @Override
  public void addTags(LocationId location, ContactId contact, List<String> tags) {
    if (!tags.isEmpty()) {
      clients.of(location).addTags(contact, tags);
    }
  }

  @Override
  public void removeTags(LocationId location, ContactId contact, List<String> tags) {
    if (!tags.isEmpty()) {
      clients.of(location).removeTags(contact, tags);
    }
  }

  @Override
  public String addNote(LocationId location, ContactId contact, String body) {
    GhlNote note = clients.of(location).createNote(contact, NoteRequest.of(body)).note();
    return requireId(note == null ? null : note.id(), GhlEndpoint.CREATE_NOTE);
  }

  @Override
  public List<CrmNote> listNotes(LocationId location, ContactId contact) {
    return clients.of(location).listNotes(contact).notes().stream()
        .flatMap(note -> toNote(note).stream())
        .toList();
  }

  /** A note HighLevel no longer has (400 "… not found", or 404) is empty, not an error. */
  @Override
  public Optional<CrmNote> findNote(LocationId location, ContactId contact, String noteId) {
    try {
      GhlNote note = clients.of(location).getNote(contact, noteId).note();
      return note == null ? Optional.empty() : toNote(note);
    } catch (ApiException e) {
      if (isNotFound(e)) {
        log.atDebug()
            .addKeyValue("contactId", contact)
            .addKeyValue("noteId", noteId)
            .log("note not found in HighLevel");
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public String createTask(LocationId location, ContactId contact, NewTask task) {
    CreateTaskRequest request =
        new CreateTaskRequest(
            task.title(), task.body(), DUE_DATE.format(task.dueDate()), false, null);
    GhlTask created = clients.of(location).createTask(contact, request).task();
    return requireId(created == null ? null : created.id(), GhlEndpoint.CREATE_TASK);
  }

  @Override
  public List<CrmTask> listTasks(LocationId location, ContactId contact) {
    return clients.of(location).listTasks(contact).tasks().stream()
        .filter(task -> task.id() != null && !task.id().isBlank())
        .map(task -> toTask(contact, task))
        .toList();
  }

  @Override
  public void completeTask(LocationId location, ContactId contact, String taskId) {
    clients.of(location).completeTask(contact, taskId, true);
  }

  /** 404, or HighLevel's 400 "Note with id … not found" / "Contact with id … not found". */
  static boolean isNotFound(ApiException e) {
    if (e.status() == 404) {
      return true;
    }
    return e.status() == 400
        && e.providerMessage()
            .map(message -> message.toLowerCase(Locale.ROOT))
            .filter(message -> message.contains("not found"))
            .filter(message -> message.contains("note") || message.contains("contact"))
            .isPresent();
  }

  private static Optional<CrmNote> toNote(GhlNote note) {
    String id = note.id();
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new CrmNote(id, Objects.requireNonNullElse(note.body(), "")));
  }

  private static CrmTask toTask(ContactId contact, GhlTask task) {
    return new CrmTask(
        Objects.requireNonNull(task.id()),
        Objects.requireNonNullElse(task.title(), ""),
        Boolean.TRUE.equals(task.completed()),
        dueDate(contact, task));
  }

  private static @Nullable Instant dueDate(ContactId contact, GhlTask task) {
    String text = task.dueDate();
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      log.atWarn()
          .addKeyValue("contactId", contact)
          .addKeyValue("taskId", task.id())
          .log("unreadable task dueDate from HighLevel; treating as unknown");
      return null;
    }
  }

  /** A 2xx without the new object's id cannot be used: most likely a glitch, so retried. */
  private static String requireId(@Nullable String id, GhlEndpoint endpoint) {
    if (id == null || id.isBlank()) {
      throw GhlRequests.malformed(endpoint, "response has no id", null);
    }
    return id;
  }
}
