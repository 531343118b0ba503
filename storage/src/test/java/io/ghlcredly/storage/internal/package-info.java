/** Tests of the storage module's internal helpers. */
@NullMarked
package io.ghlcredly.storage.internal;

import org.jspecify.annotations.NullMarked;
