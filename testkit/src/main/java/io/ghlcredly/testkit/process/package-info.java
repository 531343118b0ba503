/** Programs run in their own JVMs, for crash, cluster and memory tests. */
@NullMarked
package io.ghlcredly.testkit.process;

import org.jspecify.annotations.NullMarked;
