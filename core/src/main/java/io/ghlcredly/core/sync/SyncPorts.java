package io.ghlcredly.core.sync;

import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.core.port.DeadLetterStore;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.IssuanceLedger;
import io.ghlcredly.core.port.SyncStateStore;

/** The stores and gateways the sync job works with, grouped to keep constructors short. */
public record SyncPorts(
    EventInbox inbox,
    CrmGateway crm,
    SyncStateStore state,
    IssuanceLedger ledger,
    DeadLetterStore deadLetters) {}
