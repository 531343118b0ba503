package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CredlyTokenHealthTest {
  private static final Instant CREATED = Instant.parse("2026-01-01T12:00:00Z");
  private final AtomicReference<Instant> now = new AtomicReference<>(CREATED);
  private final InstantSource clock = now::get;
  private final CredlyTokenHealth health = CredlyTokenHealth.createdAt(CREATED, clock);

  @Test
  void tokenExpires180DaysAfterCreation() {
    assertThat(health.status().expiresAt()).isEqualTo(CREATED.plus(Duration.ofDays(180)));
    assertThat(health.status().daysLeft()).isEqualTo(180);
    assertThat(health.status().level()).isEqualTo(CredlyTokenHealth.Level.OK);
  }

  @Test
  void warnsFromFourteenDaysAhead() {
    now.set(CREATED.plus(Duration.ofDays(165)));
    assertThat(health.check().level()).isEqualTo(CredlyTokenHealth.Level.OK);

    now.set(CREATED.plus(Duration.ofDays(166)));
    CredlyTokenHealth.Status status = health.check();

    assertThat(status.level()).isEqualTo(CredlyTokenHealth.Level.EXPIRING_SOON);
    assertThat(status.daysLeft()).isEqualTo(14);
  }

  @Test
  void logsTheWarningOncePerDay() {
    now.set(CREATED.plus(Duration.ofDays(170)));

    assertThat(health.warnIfDue(health.status())).isTrue();
    assertThat(health.warnIfDue(health.status())).isFalse();
    now.set(now.get().plus(Duration.ofHours(2)));
    assertThat(health.warnIfDue(health.status())).isFalse();
    now.set(now.get().plus(Duration.ofDays(1)));
    assertThat(health.warnIfDue(health.status())).isTrue();
  }

  @Test
  void reportsAnExpiredToken() {
    now.set(CREATED.plus(Duration.ofDays(181)));

    assertThat(health.status().level()).isEqualTo(CredlyTokenHealth.Level.EXPIRED);
    assertThat(health.status().daysLeft()).isEqualTo(-1);
  }

  @Test
  void unknownExpiryReportsNothing() {
    CredlyTokenHealth unknown = new CredlyTokenHealth(null, clock);

    assertThat(unknown.check().level()).isEqualTo(CredlyTokenHealth.Level.UNKNOWN);
    assertThat(unknown.warnIfDue(unknown.status())).isFalse();
  }
}
