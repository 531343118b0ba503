/**
 * An emulator of HighLevel's contacts API and webhooks for tests and the demo: {@link
 * io.ghlcredly.testkit.ghl.GhlEmulator} is the entry point; the other classes split its jobs
 * (contact state, routes, rate limiting, webhook signing and sending).
 */
@NullMarked
package io.ghlcredly.testkit.ghl;

import org.jspecify.annotations.NullMarked;
