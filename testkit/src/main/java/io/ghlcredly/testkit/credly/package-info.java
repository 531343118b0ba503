/**
 * An emulator of the Credly (Acclaim) issuer API on loopback, for connector tests and the demo: one
 * or several organizations on one host (each with its own templates, badges, employees, events,
 * webhooks and credentials), issued badges with Credly's duplicate rule, filters, paging,
 * revocation, HTTP Basic and OAuth auth, fault injection and a per-organization gauge of calls in
 * flight.
 */
@NullMarked
package io.ghlcredly.testkit.credly;

import org.jspecify.annotations.NullMarked;
