package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * Body of workflow add and remove (schema {@code CreateWorkflowDto}).
 *
 * @param eventStartTime when the workflow's event starts, such as {@code 2021-06-23T03:30:00+01:00}
 */
public record WorkflowRequest(@Nullable String eventStartTime) {}
