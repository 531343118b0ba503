package io.ghlcredly.testkit.ghl;

import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;

/**
 * One API call the emulator answered through its routes (injected faults and unknown paths are not
 * recorded): what came in and what went out, for checking both against the OpenAPI spec.
 */
public record GhlExchange(EmulatorRequest request, EmulatorResponse response) {}
