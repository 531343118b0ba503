package io.ghlcredly.ghl.api;

import java.util.List;

/**
 * Body of {@code GET /contacts/{contactId}/tasks} (schema {@code TasksListSuccessfulResponseDto}).
 */
public record TaskListResponse(List<GhlTask> tasks) {
  public TaskListResponse {
    tasks = GhlContactSummary.withoutNulls(tasks);
  }
}
