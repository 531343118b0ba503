package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code GET /locations/{locationId}} (schema {@code
 * GetLocationByIdSuccessfulResponseDto}).
 */
public record GetLocationResponse(@Nullable GhlLocation location) {}
