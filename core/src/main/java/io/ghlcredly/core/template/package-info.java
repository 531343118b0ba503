/** Text templates of the configuration: compiled once, rendered per contact. */
@NullMarked
package io.ghlcredly.core.template;

import org.jspecify.annotations.NullMarked;
