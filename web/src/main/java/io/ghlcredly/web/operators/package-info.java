/**
 * Named operators with roles: inviting them with a one-time link, their passwords (Argon2id),
 * signing in with a throttle per account and per client address, roles, disabling, and the commands
 * the CLI and the admin API share. {@link io.ghlcredly.web.operators.OperatorServices} wires it
 * all.
 */
@NullMarked
package io.ghlcredly.web.operators;

import org.jspecify.annotations.NullMarked;
