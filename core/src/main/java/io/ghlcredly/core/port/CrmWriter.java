package io.ghlcredly.core.port;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes back to the CRM (HighLevel) for rules: tags, notes, tasks. The reads here serve the
 * writes: a note's body for templates, and the lookups that tell whether a write whose outcome was
 * unknown already happened. Every call uses the account of the given location, and throws {@link
 * io.ghlcredly.core.error.ApiException} when the CRM fails. Thread-safe.
 */
public interface CrmWriter {
  /** Adds tags to the contact (GHL ignores tags it already has). */
  void addTags(LocationId location, ContactId contact, List<String> tags);

  /** Removes tags from the contact (GHL ignores tags it does not have). */
  void removeTags(LocationId location, ContactId contact, List<String> tags);

  /** Adds a note and returns its id. */
  String addNote(LocationId location, ContactId contact, String body);

  /** The contact's notes. */
  List<CrmNote> listNotes(LocationId location, ContactId contact);

  /** One note, or empty when it no longer exists. */
  Optional<CrmNote> findNote(LocationId location, ContactId contact, String noteId);

  /** Creates a task and returns its id. */
  String createTask(LocationId location, ContactId contact, NewTask task);

  /** The contact's tasks. */
  List<CrmTask> listTasks(LocationId location, ContactId contact);

  /** Marks a task completed. */
  void completeTask(LocationId location, ContactId contact, String taskId);

  /** A note of a contact. */
  record CrmNote(String id, String body) {}

  /** A task of a contact. */
  record CrmTask(String id, String title, boolean completed, @Nullable Instant dueDate) {}

  /** A task to create. */
  record NewTask(String title, @Nullable String body, Instant dueDate) {}
}
