package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/** Body of the single-note calls (schema {@code GetCreateUpdateNoteSuccessfulResponseDto}). */
public record NoteResponse(@Nullable GhlNote note) {}
