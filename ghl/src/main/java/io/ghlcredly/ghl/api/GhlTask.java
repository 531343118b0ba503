package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * A task (schema {@code TaskSchema}).
 *
 * @param dueDate ISO-8601, such as {@code 2021-07-08T02:30:00.000Z}
 * @param assignedTo user id
 */
public record GhlTask(
    @Nullable String id,
    @Nullable String title,
    @Nullable String body,
    @Nullable String assignedTo,
    @Nullable String dueDate,
    @Nullable Boolean completed,
    @Nullable String contactId) {}
