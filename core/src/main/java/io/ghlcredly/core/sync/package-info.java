/** Use cases that orchestrate the ports: event intake and the per-contact sync job. */
@NullMarked
package io.ghlcredly.core.sync;

import org.jspecify.annotations.NullMarked;
