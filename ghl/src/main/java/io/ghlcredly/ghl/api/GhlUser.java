package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/** A location's user, schema {@code UserSchema} of apps/users.json; the rest is ignored. */
public record GhlUser(
    @Nullable String id,
    @Nullable String name,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email) {}
