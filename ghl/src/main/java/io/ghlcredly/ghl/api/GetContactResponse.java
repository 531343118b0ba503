package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/** Body of {@code GET /contacts/{contactId}} (schema {@code ContactsByIdSuccessfulResponseDto}). */
public record GetContactResponse(@Nullable GhlContact contact) {}
