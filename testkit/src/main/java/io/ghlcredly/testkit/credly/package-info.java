/**
 * An emulator of the Credly (Acclaim) issuer API on loopback, for connector tests and the demo:
 * organization, badge templates, issued badges with Credly's duplicate rule, filters, paging,
 * revocation, HTTP Basic auth and fault injection.
 */
@NullMarked
package io.ghlcredly.testkit.credly;

import org.jspecify.annotations.NullMarked;
