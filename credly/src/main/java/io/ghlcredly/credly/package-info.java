/**
 * The Credly connector: {@link io.ghlcredly.credly.CredlyClient} (one method per endpoint over the
 * shared HTTP transport) and {@link io.ghlcredly.credly.CredlyBadgeGateway}, the adapter that
 * implements the engine's badge port with Credly's duplicate semantics.
 */
@NullMarked
package io.ghlcredly.credly;

import org.jspecify.annotations.NullMarked;
