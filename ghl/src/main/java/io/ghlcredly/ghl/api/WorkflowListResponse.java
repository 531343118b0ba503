package io.ghlcredly.ghl.api;

import java.util.List;

/** Body of {@code GET /workflows/} (schema {@code GetWorkflowSuccessfulResponseDto}). */
public record WorkflowListResponse(List<GhlWorkflow> workflows) {
  public WorkflowListResponse {
    workflows = GhlContactSummary.withoutNulls(workflows);
  }
}
