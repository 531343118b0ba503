package io.ghlcredly.credly.api;

/** Envelope of a single issued badge: {@code {"data":{...},"metadata":{}}}. */
public record IssuedBadgeResponse(IssuedBadgeDto data) {}
