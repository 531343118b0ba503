package io.ghlcredly.ghl.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /contacts/upsert} (schema {@code UpsertContactsSuccessfulResponseDto}).
 *
 * @param created the wire field {@code new}: true when a contact was created, false when updated
 */
public record UpsertContactResponse(
    @JsonProperty("new") @Nullable Boolean created,
    @Nullable GhlContact contact,
    @Nullable String traceId) {}
