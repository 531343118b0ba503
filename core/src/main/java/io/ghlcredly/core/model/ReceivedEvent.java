package io.ghlcredly.core.model;

import java.time.Instant;

/** An event made durable by the inbox, with its position in arrival order. */
public record ReceivedEvent(long sequence, String source, SyncEvent event, Instant receivedAt) {}
