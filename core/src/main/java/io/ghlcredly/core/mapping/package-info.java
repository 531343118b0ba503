/** Rules without code: conditions on contact changes that produce commands. Pure. */
@NullMarked
package io.ghlcredly.core.mapping;

import org.jspecify.annotations.NullMarked;
