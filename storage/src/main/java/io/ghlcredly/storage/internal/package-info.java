/** Helpers of the storage module that no other module should use. */
@NullMarked
package io.ghlcredly.storage.internal;

import org.jspecify.annotations.NullMarked;
