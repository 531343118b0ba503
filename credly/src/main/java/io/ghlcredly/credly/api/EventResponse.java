package io.ghlcredly.credly.api;

/** Envelope of an organization event: {@code {"data":{...},"metadata":{}}}. */
public record EventResponse(EventDto data) {}
