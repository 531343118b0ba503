package io.ghlcredly.ghl.api;

/** Body of {@code PUT …/tasks/{taskId}/completed} (schema {@code UpdateTaskStatusParams}). */
public record TaskCompletedRequest(boolean completed) {}
