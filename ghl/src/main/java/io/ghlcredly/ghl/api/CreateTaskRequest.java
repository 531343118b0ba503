package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /contacts/{contactId}/tasks} (schema {@code CreateTaskParams}); HighLevel
 * requires {@code completed} even on create.
 *
 * @param dueDate ISO-8601 instant, such as {@code 2021-07-08T02:30:00.000Z}
 */
public record CreateTaskRequest(
    String title,
    @Nullable String body,
    String dueDate,
    boolean completed,
    @Nullable String assignedTo) {}
