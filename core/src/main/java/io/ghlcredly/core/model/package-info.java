/** Domain values: typed ids, contacts, events, issuances. Immutable records. */
@NullMarked
package io.ghlcredly.core.model;

import org.jspecify.annotations.NullMarked;
