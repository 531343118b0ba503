package io.ghlcredly.credly.api;

/** Envelope of a Workforce employee: {@code {"data":{...},"metadata":{}}}. */
public record EmployeeResponse(EmployeeDto data) {}
