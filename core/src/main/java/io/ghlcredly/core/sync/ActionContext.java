package io.ghlcredly.core.sync;

import io.ghlcredly.core.mapping.PlannedAction;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.template.TemplateModel;

/**
 * One action to run: what the rule asked, for which contact, with what its templates read.
 *
 * @param retry true when an earlier attempt of this very action may have reached the upstream API
 *     (its journal entry is still pending), so non-idempotent writes look before they write
 */
record ActionContext(
    PlannedAction planned, ObservedContact subject, TemplateModel model, boolean retry) {

  ContactId contactId() {
    return subject.contact().id();
  }

  LocationId locationId() {
    return subject.contact().locationId();
  }

  /** A template's text rendered for this action. */
  String render(io.ghlcredly.core.template.Template template) {
    return template.render(model);
  }
}
