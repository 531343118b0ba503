/** The server's defences (limits, deadlines) and adapters; not for other modules. */
@NullMarked
package io.ghlcredly.web.internal;

import org.jspecify.annotations.NullMarked;
