/**
 * The sync benchmark (issues 7 and 8): the whole service as {@code serve} processes against the
 * testkit emulators, driven by signed webhooks and imports; run on demand, never by {@code verify}.
 */
@NullMarked
package io.ghlcredly.bench.sync;

import org.jspecify.annotations.NullMarked;
