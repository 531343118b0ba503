package io.ghlcredly.ghl;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.ghl.api.GhlContact;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CrmGateway} over {@link GhlClient}: maps the wire contact to the domain {@link Contact}
 * ({@link GhlContactMapper}: standard fields, attributes and custom fields). HighLevel answers an
 * unknown contact id with 400 "Contact with id … not found" (observed) and, in v3, 404; both mean
 * "does not exist" and yield an empty result. Thread-safe.
 */
public final class GhlCrmGateway implements CrmGateway {
  private static final Logger log = LoggerFactory.getLogger(GhlCrmGateway.class);

  private final GhlClient client;

  public GhlCrmGateway(GhlClient client) {
    this.client = client;
  }

  @Override
  public Optional<Contact> findContact(LocationId locationId, ContactId contactId) {
    GhlContact contact;
    try {
      contact = Objects.requireNonNull(client.getContact(contactId).contact());
    } catch (ApiException e) {
      if (isNotFound(e)) {
        log.atDebug().addKeyValue("contactId", contactId).log("contact not found in HighLevel");
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(GhlContactMapper.toDomain(contactId, contact));
  }

  static boolean isNotFound(ApiException e) {
    if (e.status() == 404) {
      return true;
    }
    // Only the specific "not found" 400: other 400s (bad Version header…) are real failures.
    return e.status() == 400
        && e.providerMessage()
            .map(message -> message.toLowerCase(Locale.ROOT))
            .filter(message -> message.contains("contact") && message.contains("not found"))
            .isPresent();
  }
}
