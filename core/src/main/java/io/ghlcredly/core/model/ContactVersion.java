package io.ghlcredly.core.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A contact as of its last change in the CRM: enough to tell whether it was applied already.
 *
 * @param contact the contact itself, when the source read it whole enough to apply (a search page),
 *     so applying it needs no second read; null otherwise
 */
public record ContactVersion(ContactId contactId, Instant dateUpdated, @Nullable Contact contact) {
  public ContactVersion {
    if (contact != null && !contact.id().equals(contactId)) {
      throw new IllegalArgumentException("contact " + contact.id() + " is not " + contactId);
    }
  }

  /** A version without the contact. */
  public ContactVersion(ContactId contactId, Instant dateUpdated) {
    this(contactId, dateUpdated, null);
  }
}
