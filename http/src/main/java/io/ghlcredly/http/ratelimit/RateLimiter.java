package io.ghlcredly.http.ratelimit;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.http.ApiRequest;
import io.ghlcredly.http.RatePriority;
import io.ghlcredly.http.RequestGate;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>Waiting parks the calling thread (cheap on virtual threads) and holds no lock. The limit is
 * per process: instances sharing a location learn of each other's calls only through the headers.
 * Thread-safe.
 */
public final class RateLimiter implements RequestGate {
  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

  /** The status of a refusal decided here: too many requests, though none was sent. */
  static final int REFUSED_STATUS = 429;

  private final RateLimiterSettings settings;
  private final TimeMeter meter;
  private final BlockingStrategy blocking;
  private final RateWaitObserver waits;
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
    this.settings = settings;
    this.meter = new InstantSourceTimeMeter(clock);
    this.blocking = blocking;
    this.waits = waits;
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

  /** Takes budget for one call if there is some right now; never waits. */
  public boolean tryAcquire(String key, RatePriority priority) {
    return budget(key).tryTake(priority) == 0;
  }

  /** Corrects {@code key}'s budget from a response's status and rate-limit headers. */
  public void observe(String key, int status, RateLimitHeaders headers) {
    KeyBudget budget = budget(key);
    RateLimits before = budget.snapshot(key).limits();
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

  /** Keys seen so far. */
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
      observe(key, status, RateLimitHeaders.from(headers));
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
        long wait = budget.tryTake(priority);
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
        key, unused -> new KeyBudget(settings.limits(), settings.bulkShare(), meter));
  }

  private static Duration roundUp(long nanos) {
    return Duration.ofMillis((nanos + 999_999) / 1_000_000);
  }
}
