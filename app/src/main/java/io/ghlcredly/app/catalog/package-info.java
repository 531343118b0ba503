/** Builds the catalog of every connector action and trigger, for listing and for invoking. */
@NullMarked
package io.ghlcredly.app.catalog;

import org.jspecify.annotations.NullMarked;
