package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/** Body of {@code PUT /contacts/{contactId}/tasks/{taskId}} (schema {@code UpdateTaskBody}). */
public record UpdateTaskRequest(
    @Nullable String title,
    @Nullable String body,
    @Nullable String dueDate,
    @Nullable Boolean completed,
    @Nullable String assignedTo) {}
