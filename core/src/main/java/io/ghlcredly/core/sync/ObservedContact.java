package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A contact with its mapped status: the values field-changed rules compare and the snapshot keeps.
 */
record ObservedContact(Contact contact, @Nullable String status) {
  /** The name of the mapped status among the fields. */
  static final String STATUS = "status";

  /** The contact's field values, plus {@code status} when the mapping gives one. */
  Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>(contact.fieldValues());
    if (status != null && !status.isEmpty()) {
      fields.put(STATUS, status);
    }
    return fields;
  }

  /**
   * The contact as last applied, rebuilt from its snapshot: what work started by a Credly event
   * (which carries no contact) writes with. Empty when the snapshot does not know the location.
   */
  static Optional<ObservedContact> fromSnapshot(ContactSnapshot snapshot) {
    if (snapshot.locationId() == null) {
      return Optional.empty();
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    Map<String, String> customFields = new LinkedHashMap<>();
    snapshot
        .fields()
        .forEach(
            (name, value) -> {
              if (name.startsWith(Contact.CUSTOM_FIELD_PREFIX)) {
                customFields.put(name.substring(Contact.CUSTOM_FIELD_PREFIX.length()), value);
              } else if (!name.equals("email")
                  && !name.equals("firstName")
                  && !name.equals("lastName")
                  && !name.equals(STATUS)) {
                attributes.put(name, value);
              }
            });
    Contact contact =
        new Contact(
            snapshot.contactId(),
            snapshot.locationId(),
            snapshot.fields().get("email"),
            snapshot.fields().get("firstName"),
            snapshot.fields().get("lastName"),
            snapshot.tags(),
            snapshot.dateUpdated(),
            attributes,
            customFields);
    return Optional.of(new ObservedContact(contact, snapshot.fields().get(STATUS)));
  }
}
