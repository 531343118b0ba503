/**
 * Prometheus metrics on Micrometer: adapters from the engine's, the job queue's and the HTTP
 * transport's listener interfaces to meters, the queue gauges, and the readiness checks. The rest
 * of the service stays free of Micrometer.
 */
@NullMarked
package io.ghlcredly.app.metrics;

import org.jspecify.annotations.NullMarked;
