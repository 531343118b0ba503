package io.ghlcredly.credly;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the Credly credential's expiry. Organization tokens expire 180 days after creation and an
 * expired token stops the sync (credly.md §2a), so from 14 days ahead {@link #check()} logs a WARN,
 * at most once per UTC day, and {@link #status()} reports the days left for health output and
 * metrics. Thread-safe.
 */
public final class CredlyTokenHealth {
  private static final Logger log = LoggerFactory.getLogger(CredlyTokenHealth.class);

  /** How long Credly's organization tokens live. */
  public static final Duration TOKEN_LIFETIME = Duration.ofDays(180);

  /** How early the expiry is announced. */
  public static final Duration WARN_AHEAD = Duration.ofDays(14);

  private final @Nullable Instant expiresAt;
  private final InstantSource clock;
  private final AtomicReference<@Nullable LocalDate> lastWarned = new AtomicReference<>();

  /**
   * @param expiresAt when the credential expires, or null when unknown (nothing is reported)
   */
  public CredlyTokenHealth(@Nullable Instant expiresAt, InstantSource clock) {
    this.expiresAt = expiresAt;
    this.clock = clock;
  }

  /** For a token created at the given instant: it expires {@link #TOKEN_LIFETIME} later. */
  public static CredlyTokenHealth createdAt(Instant createdAt, InstantSource clock) {
    return new CredlyTokenHealth(createdAt.plus(TOKEN_LIFETIME), clock);
  }

  /** How the credential stands now. */
  public Status status() {
    Instant expiry = expiresAt;
    if (expiry == null) {
      return new Status(null, null, Level.UNKNOWN);
    }
    Duration left = Duration.between(clock.instant(), expiry);
    Level level;
    if (!left.isPositive()) {
      level = Level.EXPIRED;
    } else if (left.compareTo(WARN_AHEAD) <= 0) {
      level = Level.EXPIRING_SOON;
    } else {
      level = Level.OK;
    }
    return new Status(expiry, left.toDays(), level);
  }

  /**
   * The status, logging a WARN when the credential expires within 14 days or has expired, at most
   * once per UTC day. Cheap enough to call on every request.
   */
  public Status check() {
    Status status = status();
    warnIfDue(status);
    return status;
  }

  /** Logs the expiry WARN unless it was logged today; true when it logged. */
  boolean warnIfDue(Status status) {
    if (status.level() == Level.EXPIRING_SOON || status.level() == Level.EXPIRED) {
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      LocalDate previous = lastWarned.getAndSet(today);
      if (!today.equals(previous)) {
        log.atWarn()
            .addKeyValue("expiresAt", status.expiresAt())
            .addKeyValue("daysLeft", status.daysLeft())
            .log(
                status.level() == Level.EXPIRED
                    ? "Credly token has expired: create a new one in Credly and update the"
                        + " configuration"
                    : "Credly token expires soon: create a new one in Credly and update the"
                        + " configuration before it does");
        return true;
      }
    }
    return false;
  }

  /** How close the credential is to expiring. */
  public enum Level {
    /** No expiry known (OAuth client credentials, or a token without a configured date). */
    UNKNOWN,
    OK,
    /** Expires within {@link #WARN_AHEAD}. */
    EXPIRING_SOON,
    EXPIRED
  }

  /**
   * The credential's expiry and how far off it is.
   *
   * @param daysLeft whole days until expiry (negative once expired), null when unknown
   */
  public record Status(@Nullable Instant expiresAt, @Nullable Long daysLeft, Level level) {}
}
