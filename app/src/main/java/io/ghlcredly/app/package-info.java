/** Entry point and hand-written wiring of ghl-credly-sync. */
@NullMarked
package io.ghlcredly.app;

import org.jspecify.annotations.NullMarked;
