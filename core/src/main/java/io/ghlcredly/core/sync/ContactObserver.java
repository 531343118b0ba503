package io.ghlcredly.core.sync;

import io.ghlcredly.core.mapping.ContactMapping;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.template.Template;
import io.ghlcredly.core.template.TemplateModel;
import java.time.InstantSource;

/** Reads a contact's mapped status. Thread-safe. */
final class ContactObserver {
  private final InstantSource clock;

  ContactObserver(InstantSource clock) {
    this.clock = clock;
  }

  ObservedContact observe(Contact contact, ContactMapping mapping) {
    Template status = mapping.status();
    if (status == null) {
      return new ObservedContact(contact, null);
    }
    String value = status.render(TemplateModel.of(contact, null, clock.instant())).trim();
    return new ObservedContact(contact, value.isEmpty() ? null : value);
  }
}
