package io.ghlcredly.http.ratelimit;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.http.ApiRequest;
import io.ghlcredly.http.RatePriority;
import io.ghlcredly.http.RequestGate;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-key rate limiting (for HighLevel the key is the location id: each app install has its own
 * budget). Callers wait for budget instead of collecting 429s; a wait longer than {@link
 * RateLimiterSettings#maxWait()} fails at once as a transient {@link ApiException} carrying the
 * time until budget as {@code retryAfter}, so the job queue reschedules the work. {@link
 * RatePriority#BULK} work may use only {@link RateLimiterSettings#bulkShare()} of the burst budget,
 * so it cannot starve {@link RatePriority#LIVE} work of the same key. The provider's {@code
 * X-RateLimit-*} headers correct each key's view ({@link #observe}).
 *
 * <p>As a {@link RequestGate} of an {@link io.ghlcredly.http.HttpTransport} it applies to every
 * request that carries a {@link ApiRequest#rateKey()}; requests without one pass untouched.
 *
 * <p>The budgets live in this process ({@link #RateLimiter(RateLimiterSettings, InstantSource,
 * RateWaitObserver)}) or in a store that several instances share ({@link #shared}), such as their
 * PostgreSQL database: then the limits hold for all instances together, and a 429 or a header seen
 * by one instance applies to all. Either way the policy is the same ({@link KeyBudget}). When the
 * store cannot be reached, calls are refused as transient rather than sent unlimited.
 *
 * <p>Waiting parks the calling thread (cheap on virtual threads) and holds no lock. Thread-safe.
 */
public final class RateLimiter implements RequestGate {
  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

  /** The status of a refusal decided here: too many requests, though none was sent. */
  static final int REFUSED_STATUS = 429;

  private final RateLimiterSettings settings;
  private final TimeMeter meter;
  private final BlockingStrategy blocking;
  private final RateWaitObserver waits;
  private final BucketSource buckets;
  private final ConcurrentMap<String, KeyBudget> budgets = new ConcurrentHashMap<>();

  public RateLimiter(RateLimiterSettings settings, InstantSource clock) {
    this(settings, clock, RateWaitObserver.NONE);
  }

  /** A limiter that tells {@code waits} how long each held call waited. */
  public RateLimiter(RateLimiterSettings settings, InstantSource clock, RateWaitObserver waits) {
    this(settings, clock, BlockingStrategy.PARKING, waits);
  }

  /** For tests: {@code blocking} may advance a manual clock instead of parking. */
  RateLimiter(RateLimiterSettings settings, InstantSource clock, BlockingStrategy blocking) {
    this(settings, clock, blocking, RateWaitObserver.NONE);
  }

  RateLimiter(
      RateLimiterSettings settings,
      InstantSource clock,
      BlockingStrategy blocking,
      RateWaitObserver waits) {
    this(settings, new InstantSourceTimeMeter(clock), blocking, waits, BucketSource::local);
  }

  /**
   * Budgets in the buckets that {@code buckets} makes on the limiter's clock (tests use it
   * directly).
   */
  RateLimiter(
      RateLimiterSettings settings,
      TimeMeter meter,
      BlockingStrategy blocking,
      RateWaitObserver waits,
      Function<TimeMeter, BucketSource> buckets) {
    this.settings = settings;
    this.meter = meter;
    this.blocking = blocking;
    this.waits = waits;
    this.buckets = buckets.apply(meter);
  }

  /**
   * A limiter whose budgets live in a store shared by every limiter made on it, in this process or
   * another, so that each key's limits hold for all of them together. {@link #keys()} then lists
   * the keys this limiter used, and {@link RateBudget#waiters()} counts this limiter's callers.
   *
   * @param store makes the store's bucket proxies, given the clock they must refill by (the
   *     limiter's)
   */
  public static RateLimiter shared(
      RateLimiterSettings settings,
      InstantSource clock,
      RateWaitObserver waits,
      Function<TimeMeter, ProxyManager<String>> store) {
    return new RateLimiter(
        settings,
        new InstantSourceTimeMeter(clock),
        BlockingStrategy.PARKING,
        waits,
        meter -> BucketSource.shared(store.apply(meter)));
  }

  /**
   * Waits until {@code key} has budget for one call at {@code priority} and takes it.
   *
   * @throws ApiException TRANSIENT, with the time until budget as {@code retryAfter}, when that is
   *     longer than the max wait, or when interrupted
   */
  public void acquire(String key, RatePriority priority) {
    acquire(key, priority, "rate-limiter", "ACQUIRE", key);
  }

  /**
   * Takes budget for one call if there is some right now; never waits.
   *
   * @throws ApiException TRANSIENT when the budget's store cannot be reached
   */
  public boolean tryAcquire(String key, RatePriority priority) {
    return take(budget(key), key, priority, "rate-limiter", "TRY_ACQUIRE", key) == 0;
  }

  /** Corrects {@code key}'s budget from a response's status and rate-limit headers. */
  public void observe(String key, int status, RateLimitHeaders headers) {
    KeyBudget budget = budget(key);
    RateLimits before = budget.limits();
    RateLimits after = budget.observe(status, headers);
    if (!after.equals(before)) {
      log.atInfo()
          .addKeyValue("key", key)
          .addKeyValue("burstMax", after.burstMax())
          .addKeyValue("intervalMillis", after.interval().toMillis())
          .addKeyValue("dailyMax", after.dailyMax())
          .log("adopted the provider's rate limits");
    }
    if (status == 429) {
      log.atWarn()
          .addKeyValue("key", key)
          .addKeyValue("dailyRemaining", headers.dailyRemaining())
          .log("rate limited by the provider; pausing this key for one window");
    }
  }

  /** The current budget of {@code key}, for dashboards and metrics. */
  public RateBudget snapshot(String key) {
    return budget(key).snapshot(key);
  }

  /** Keys this limiter has seen so far. */
  public Set<String> keys() {
    return Set.copyOf(budgets.keySet());
  }

  @Override
  public void beforeSend(String connector, ApiRequest request) {
    String key = request.rateKey();
    if (key != null) {
      acquire(key, request.priority(), connector, request.method(), request.pathForLogs());
    }
  }

  @Override
  public void afterResponse(ApiRequest request, int status, HttpHeaders headers) {
    String key = request.rateKey();
    if (key != null) {
      try {
        observe(key, status, RateLimitHeaders.from(headers));
      } catch (RuntimeException e) {
        // The call went through: failing it now would only make the caller repeat it.
        log.atWarn()
            .addKeyValue("key", key)
            .addKeyValue("status", status)
            .addKeyValue("error", e.toString())
            .log("could not apply the provider's rate-limit headers");
      }
    }
  }

  private void acquire(
      String key, RatePriority priority, String connector, String method, String path) {
    KeyBudget budget = budget(key);
    long start = meter.currentTimeNanos();
    long deadline = start + settings.maxWait().toNanos();
    AtomicInteger waiters = budget.waiters();
    boolean waiting = false;
    boolean granted = false;
    try {
      while (true) {
        long wait = take(budget, key, priority, connector, method, path);
        if (wait == 0) {
          granted = true;
          return;
        }
        if (wait > deadline - meter.currentTimeNanos()) {
          Duration retryAfter = roundUp(wait);
          log.atDebug()
              .addKeyValue("key", key)
              .addKeyValue("priority", priority)
              .addKeyValue("retryAfterMillis", retryAfter.toMillis())
              .log("no rate budget within the max wait");
          throw refused(
              connector,
              method,
              path,
              "no "
                  + priority
                  + " rate budget for "
                  + key
                  + " within "
                  + settings.maxWait().toMillis()
                  + " ms; not sent",
              retryAfter,
              null);
        }
        if (!waiting) {
          waiting = true;
          waiters.incrementAndGet();
        }
        try {
          blocking.park(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw refused(
              connector, method, path, "interrupted while waiting for rate budget", null, e);
        }
      }
    } finally {
      if (waiting) {
        waiters.decrementAndGet();
        waits.waited(priority, Duration.ofNanos(meter.currentTimeNanos() - start), granted);
      }
    }
  }

  /** Takes budget, refusing the call when the budget cannot be read: never an unlimited pass. */
  private long take(
      KeyBudget budget,
      String key,
      RatePriority priority,
      String connector,
      String method,
      String path) {
    try {
      return budget.tryTake(priority);
    } catch (RuntimeException e) {
      log.atWarn()
          .addKeyValue("key", key)
          .addKeyValue("priority", priority)
          .addKeyValue("error", e.toString())
          .log("rate budget unavailable; call refused");
      throw refused(
          connector, method, path, "rate budget of " + key + " unavailable; not sent", null, e);
    }
  }

  private static ApiException refused(
      String connector,
      String method,
      String path,
      String why,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    return new ApiException(
        connector,
        method,
        path,
        REFUSED_STATUS,
        ApiException.Kind.TRANSIENT,
        why,
        retryAfter,
        cause);
  }

  private KeyBudget budget(String key) {
    return budgets.computeIfAbsent(
        key, unused -> new KeyBudget(key, settings.limits(), settings.bulkShare(), meter, buckets));
  }

  private static Duration roundUp(long nanos) {
    return Duration.ofMillis((nanos + 999_999) / 1_000_000);
  }
}
