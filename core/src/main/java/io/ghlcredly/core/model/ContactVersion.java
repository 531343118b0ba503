package io.ghlcredly.core.model;

import java.time.Instant;

/** A contact as of its last change in the CRM: enough to tell whether it was applied already. */
public record ContactVersion(ContactId contactId, Instant dateUpdated) {}
