package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code GET /contacts/search/duplicate} (no schema in the spec): {@code {contact}} with
 * the contact a new one would duplicate, or {@code contact} null.
 */
public record DuplicateContactResponse(@Nullable GhlContact contact, @Nullable String traceId) {}
