package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/** Body of the single-task calls (schema {@code TaskByIsSuccessfulResponseDto}, sic). */
public record TaskResponse(@Nullable GhlTask task) {}
