/** Contract tests: our requests and the emulator's answers against HighLevel's OpenAPI file. */
@NullMarked
package io.ghlcredly.ghl.contract;

import org.jspecify.annotations.NullMarked;
