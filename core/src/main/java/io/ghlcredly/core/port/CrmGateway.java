package io.ghlcredly.core.port;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import java.util.Optional;

/** Reads contacts from the CRM (HighLevel). Implementations are thread-safe. */
public interface CrmGateway {
  /**
   * Fetches the current state of a contact, with the credentials of its location's account.
   *
   * @return empty when the CRM says the contact does not exist (deleted)
   * @throws io.ghlcredly.core.error.ApiException when the CRM cannot answer
   */
  Optional<Contact> findContact(LocationId locationId, ContactId contactId);
}
