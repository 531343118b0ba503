package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/** A location's tag, schema {@code LocationTagsSchema} of apps/locations.json. */
public record GhlTag(@Nullable String id, @Nullable String name, @Nullable String locationId) {}
