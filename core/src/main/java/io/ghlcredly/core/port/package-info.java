/** What the engine needs from the outside world, in domain types only. */
@NullMarked
package io.ghlcredly.core.port;

import org.jspecify.annotations.NullMarked;
