package io.ghlcredly.ghl;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.ghl.api.GhlContact;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CrmGateway} over {@link GhlClient}: maps the wire contact to the domain {@link Contact}.
 * HighLevel answers an unknown contact id with 400 "Contact with id … not found" (observed) and, in
 * v3, 404; both mean "does not exist" and yield an empty result. Thread-safe.
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
    return Optional.of(toDomain(contactId, contact));
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

  static Contact toDomain(ContactId requested, GhlContact contact) {
    String location = contact.locationId();
    if (location == null || location.isBlank()) {
      throw new ApiException(
          GhlClient.CONNECTOR,
          "GET",
          "/contacts/{contactId}",
          200,
          ApiException.Kind.TRANSIENT,
          "contact " + requested + " has no locationId",
          null,
          null);
    }
    String id = contact.id();
    return new Contact(
        id == null || id.isBlank() ? requested : new ContactId(id),
        new LocationId(location),
        contact.email(),
        contact.firstName(),
        contact.lastName(),
        new LinkedHashSet<>(contact.tags()),
        instant(requested, contact.dateUpdated()));
  }

  private static @Nullable Instant instant(ContactId contactId, @Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      log.atWarn()
          .addKeyValue("contactId", contactId)
          .addKeyValue("dateUpdated", text)
          .log("unreadable dateUpdated from HighLevel; treating as unknown");
      return null;
    }
  }
}
