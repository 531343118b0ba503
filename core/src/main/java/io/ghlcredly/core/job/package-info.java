/** Job outcomes, retry policy and the one classifier that decides retryability. */
@NullMarked
package io.ghlcredly.core.job;

import org.jspecify.annotations.NullMarked;
