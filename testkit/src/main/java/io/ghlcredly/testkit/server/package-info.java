/** A small loopback HTTP server for the API emulators, with request logging and fault injection. */
@NullMarked
package io.ghlcredly.testkit.server;

import org.jspecify.annotations.NullMarked;
