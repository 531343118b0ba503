package io.ghlcredly.core.sync;

import io.ghlcredly.core.port.ActionJournal;
import io.ghlcredly.core.port.BadgeGateway;
import io.ghlcredly.core.port.CredentialRecords;
import io.ghlcredly.core.port.CrmWriter;

/** What rule actions write to, grouped to keep constructors short. */
public record ActionPorts(
    CrmWriter crmWriter, BadgeGateway badges, CredentialRecords records, ActionJournal journal) {}
