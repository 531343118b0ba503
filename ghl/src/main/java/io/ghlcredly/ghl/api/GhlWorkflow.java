package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * A location's workflow, schema {@code WorkflowSchema} of apps/workflows.json; the rest is ignored.
 */
public record GhlWorkflow(
    @Nullable String id,
    @Nullable String name,
    @Nullable String status,
    @Nullable String locationId) {}
