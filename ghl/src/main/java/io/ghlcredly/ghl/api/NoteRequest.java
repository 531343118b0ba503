package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * Body of note create ({@code NotesDTO}, {@code body} required) and update ({@code UpdateNoteDTO},
 * all optional): the two schemas have the same fields.
 */
public record NoteRequest(
    @Nullable String body,
    @Nullable String userId,
    @Nullable String title,
    @Nullable String color,
    @Nullable Boolean pinned) {
  /** A note with just a text. */
  public static NoteRequest of(String body) {
    return new NoteRequest(body, null, null, null, null);
  }
}
