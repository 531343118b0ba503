package io.ghlcredly.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationTextTest {
  @Test
  void readsEachUnitSumsAndIso() {
    assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationText.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationText.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(DurationText.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationText.parse(" 1M5S ")).isEqualTo(Duration.ofSeconds(65));
    assertThat(DurationText.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
    assertThat(DurationText.parse("P1D")).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void refusesWhatIsNotADuration() {
    for (String text : List.of("", "5", "5 minutes", "-5m", "5w", "m5", "PT-5M", "P", "1.5h")) {
      assertThatThrownBy(() -> DurationText.parse(text))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void formatsShortFormThatParsesBack() {
    for (Duration duration :
        new Duration[] {
          Duration.ZERO, Duration.ofMillis(100), Duration.ofMinutes(90), Duration.ofDays(1)
        }) {
      assertThat(DurationText.parse(DurationText.format(duration))).isEqualTo(duration);
    }
    assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
  }
}
