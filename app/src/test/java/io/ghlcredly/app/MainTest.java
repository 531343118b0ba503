package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void logsAsTextUnlessAsked() {
    assertThat(Main.logFormat(new String[] {"serve"}, null)).isEqualTo("text");
    assertThat(Main.logFormat(new String[] {"serve"}, " ")).isEqualTo("text");
  }

  @Test
  void theOptionWinsOverTheEnvironment() {
    assertThat(Main.logFormat(new String[] {"--log-format", "json", "serve"}, "text"))
        .isEqualTo("json");
    assertThat(Main.logFormat(new String[] {"--log-format=JSON", "serve"}, null)).isEqualTo("json");
    assertThat(Main.logFormat(new String[] {"serve", "--log-format", "text"}, "json"))
        .isEqualTo("text");
    assertThat(Main.logFormat(new String[] {"serve"}, "json")).isEqualTo("json");
  }

  @Test
  void ignoresArgumentsAfterDoubleDash() {
    assertThat(Main.logFormat(new String[] {"call", "--", "--log-format", "json"}, null))
        .isEqualTo("text");
  }
}
