package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** The text log format of {@code logback.xml}, loaded as shipped into a context of its own. */
class LogTextEscapingTest {
  private final LoggerContext context = new LoggerContext();
  private OutputStreamAppender<ILoggingEvent> text = new OutputStreamAppender<>();

  @BeforeEach
  @SuppressWarnings("unchecked")
  void loadTheShippedConfiguration() throws JoranException {
    URL config = Objects.requireNonNull(getClass().getClassLoader().getResource("logback.xml"));
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(config);
    text =
        (OutputStreamAppender<ILoggingEvent>)
            Objects.requireNonNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("TEXT"));
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  private String format(
      String message, @Nullable Throwable thrown, String key, @Nullable Object value) {
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(), context.getLogger("test"), Level.WARN, message, thrown, null);
    event.addKeyValuePair(new KeyValuePair(key, value));
    return new String(text.getEncoder().encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void aValueWithANewlineStaysOnItsLine() {
    String line = format("Credly webhook rejected", null, "reason", "bad id\nFAKE ERROR");

    assertThat(line.lines()).hasSize(1);
    assertThat(line).contains("reason=\"bad id\\nFAKE ERROR\"").endsWith("\n");
  }

  @Test
  void aMessageWithCarriageReturnAndTerminalCodesStaysOnItsLine() {
    String line = format("hint\r\n12:00:00.000 ERROR forged \u001B[2J\u0085\u2028", null, "k", 1);

    assertThat(line.lines()).hasSize(1);
    assertThat(line)
        .contains("hint\\r\\n12:00:00.000 ERROR forged \\u001B[2J\\u0085\\u2028")
        .doesNotContain("\u001B");
  }

  @Test
  void exceptionMessagesAreEscapedWhileTheTraceKeepsItsLines() {
    IllegalStateException thrown =
        new IllegalStateException(
            "outer\nFAKE ERROR", new IllegalArgumentException("inner\r\nFAKE"));

    String logged = format("failed", thrown, "eventId", "e-1");

    assertThat(logged).contains("outer\\nFAKE ERROR").contains("inner\\r\\nFAKE");
    assertThat(logged.lines().skip(1).toList())
        .allSatisfy(
            line ->
                assertThat(line)
                    .matches("(\\tat |\\t\\.\\.\\. |Caused by: |java\\.lang\\.IllegalStateE).*"));
  }

  @Test
  void textWithoutControlCharactersIsLeftAlone() {
    assertThat(LogTextEscaping.escape("plain \"text\" and ünïcödé \\n"))
        .isEqualTo("plain \"text\" and ünïcödé \\n");
    assertThat(LogTextEscaping.escape("a\tb\u007Fc\u0000")).isEqualTo("a\\tb\\u007Fc\\u0000");
  }
}
