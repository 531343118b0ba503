/**
 * Operator commands while the service runs: the admin API endpoints a service contributes for them
 * ({@link io.ghlcredly.app.remote.OperatorEndpoints}, imports it runs for them), the runtime file
 * that tells a command where the service of its configuration answers, and the command's side: the
 * locator and the client that turn the answers back into the values the commands print.
 */
@NullMarked
package io.ghlcredly.app.remote;

import org.jspecify.annotations.NullMarked;
