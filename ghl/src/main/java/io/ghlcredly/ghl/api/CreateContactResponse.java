package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /contacts/} (schema {@code CreateContactsSuccessfulResponseDto}); its {@code
 * CreateContactSchema} is read as a {@link GhlContact}, whose fields it shares.
 */
public record CreateContactResponse(@Nullable GhlContact contact) {}
