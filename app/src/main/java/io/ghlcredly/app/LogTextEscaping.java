package io.ghlcredly.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * {@code %escaped(…)} in {@code logback.xml}: writes what it wraps with control characters escaped,
 * so that a logged value can never start a line of its own or repaint the terminal. A webhook's
 * reason, a Credly hint or an exception message may carry text from outside; with a raw newline in
 * it, {@code "x\n12:00:00.000 ERROR …"} would read as a second, forged log line. CR, LF and tab
 * become {@code \r}, {@code \n}, {@code \t}; every other C0 and C1 control character (ESC of ANSI
 * sequences among them), DEL and the Unicode line and paragraph separators become {@code \}{@code
 * uXXXX}. The JSON format needs none of this: its encoder escapes strings already. Stateless.
 */
public final class LogTextEscaping extends CompositeConverter<ILoggingEvent> {
  @Override
  protected String transform(ILoggingEvent event, String in) {
    return escape(in);
  }

  /** The text with control characters escaped; the same instance when there are none. */
  static String escape(String text) {
    int first = firstToEscape(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (needsEscape(c)) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static int firstToEscape(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (needsEscape(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** C0 (ESC included), DEL, C1, and the separators some viewers break lines at. */
  private static boolean needsEscape(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }
}
