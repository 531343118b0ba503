package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * A note (schema {@code GetNoteSchema}); notes have no {@code dateUpdated}.
 *
 * @param color such as {@code #FFAA00}
 */
public record GhlNote(
    @Nullable String id,
    @Nullable String body,
    @Nullable String userId,
    @Nullable String dateAdded,
    @Nullable String contactId,
    @Nullable String title,
    @Nullable String color,
    @Nullable Boolean pinned) {}
