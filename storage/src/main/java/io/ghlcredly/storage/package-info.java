/**
 * JDBC storage on H2 (embedded, file mode) or PostgreSQL: the {@link io.ghlcredly.storage.Database}
 * with its pool and Flyway migrations, the stores behind the core ports, encrypted secrets and the
 * db-scheduler job queue.
 */
@NullMarked
package io.ghlcredly.storage;

import org.jspecify.annotations.NullMarked;
