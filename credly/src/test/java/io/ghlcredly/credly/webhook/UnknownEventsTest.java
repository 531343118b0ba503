package io.ghlcredly.credly.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnknownEventsTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  private final UnknownEvents unknown = new UnknownEvents(3, Duration.ofMinutes(10), clock);

  @Test
  void remembersAnIdForAWhileWhateverItsCase() {
    unknown.remember("E2BCB651-563C-4AD9-A3F2-0C36FF61C1F1");

    clock.advance(Duration.ofMinutes(9));
    assertThat(unknown.contains("e2bcb651-563c-4ad9-a3f2-0c36ff61c1f1")).isTrue();

    clock.advance(Duration.ofMinutes(1));
    assertThat(unknown.contains("e2bcb651-563c-4ad9-a3f2-0c36ff61c1f1")).isFalse();
    assertThat(unknown.size()).isZero();
  }

  @Test
  void forgetsTheOldestWhenFull() {
    for (String id : new String[] {"a", "b", "c"}) {
      unknown.remember(id);
      clock.advance(Duration.ofSeconds(1));
    }
    unknown.remember("a");
    unknown.remember("d");

    assertThat(unknown.size()).isEqualTo(3);
    assertThat(unknown.contains("b")).isFalse();
    assertThat(unknown.contains("a")).isTrue();
    assertThat(unknown.contains("c")).isTrue();
    assertThat(unknown.contains("d")).isTrue();
  }
}
