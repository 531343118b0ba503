/**
 * Load drivers that measure the connectors against the testkit emulators on loopback: plain {@code
 * main} programs, run on demand (never by {@code verify}).
 */
@NullMarked
package io.ghlcredly.bench;

import org.jspecify.annotations.NullMarked;
