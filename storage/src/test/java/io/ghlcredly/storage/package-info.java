/** Tests of the storage module, and fixtures (in its test-jar) for other modules' tests. */
@NullMarked
package io.ghlcredly.storage;

import org.jspecify.annotations.NullMarked;
