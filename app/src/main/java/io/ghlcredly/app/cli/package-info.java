/** The picocli commands of the ghl-credly launcher. */
@NullMarked
package io.ghlcredly.app.cli;

import org.jspecify.annotations.NullMarked;
