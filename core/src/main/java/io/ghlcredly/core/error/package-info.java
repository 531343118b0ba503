/** The exception tree: one unchecked root, named by what failed. */
@NullMarked
package io.ghlcredly.core.error;

import org.jspecify.annotations.NullMarked;
