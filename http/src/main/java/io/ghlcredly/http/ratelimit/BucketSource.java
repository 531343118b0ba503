package io.ghlcredly.http.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.function.Supplier;

/**
 * Where a limiter's buckets live: in this process, or in a store that several processes share. The
 * budget policy ({@link KeyBudget}) is the same for both: it only uses {@link Bucket}, which local
 * buckets and Bucket4j's proxies of stored buckets both implement.
 */
@FunctionalInterface
interface BucketSource {
  /**
   * The bucket named {@code id}; {@code configuration} is asked only when the bucket does not exist
   * yet (a stored bucket keeps the configuration it was last given).
   */
  Bucket bucket(String id, Supplier<BucketConfiguration> configuration);

  /** Buckets in this process's memory, refilled by {@code clock}. */
  static BucketSource local(TimeMeter clock) {
    return (id, configuration) -> {
      LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
      for (Bandwidth bandwidth : configuration.get().getBandwidths()) {
        builder.addLimit(bandwidth);
      }
      return builder.build();
    };
  }

  /** Buckets in a store shared by every process that uses it. */
  static BucketSource shared(ProxyManager<String> store) {
    return store::getProxy;
  }
}
