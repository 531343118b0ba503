/** Time for tests: a clock that tests move by hand. */
@NullMarked
package io.ghlcredly.testkit.time;

import org.jspecify.annotations.NullMarked;
