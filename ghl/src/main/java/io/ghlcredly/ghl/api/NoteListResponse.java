package io.ghlcredly.ghl.api;

import java.util.List;

/**
 * Body of {@code GET /contacts/{contactId}/notes} (schema {@code
 * GetNotesListSuccessfulResponseDto}).
 */
public record NoteListResponse(List<GhlNote> notes) {
  public NoteListResponse {
    notes = GhlContactSummary.withoutNulls(notes);
  }
}
