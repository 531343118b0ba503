package io.ghlcredly.ghl.api;

import io.ghlcredly.core.model.ContactId;
import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /contacts/} did: created the contact, or refused because the location does not
 * allow duplicates and one already exists (HighLevel's 400 "This location does not allow duplicated
 * contacts." carrying {@code meta.contactId}). A duplicate is an expected outcome, not an error:
 * the caller usually goes on with the existing contact.
 */
public sealed interface CreateContactResult {
  /** The new contact. */
  record Created(GhlContact contact) implements CreateContactResult {}

  /**
   * The contact that already exists.
   *
   * @param matchingField {@code email} or {@code phone}, when HighLevel says
   */
  record Duplicate(ContactId existingContactId, @Nullable String matchingField)
      implements CreateContactResult {}
}
