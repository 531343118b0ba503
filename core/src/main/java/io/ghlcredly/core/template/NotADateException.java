package io.ghlcredly.core.template;

import io.pebbletemplates.pebble.error.PebbleException;

/**
 * The {@code date} filter met text that is no date. Carries the text's length, never the text,
 * which is personal data.
 */
final class NotADateException extends PebbleException {
  private final int length;
  private final int line;

  NotADateException(int length, int line) {
    // No cause: the parser's message would quote the text.
    super(null, "text of " + length + " characters is no date", line, null);
    this.length = length;
    this.line = line;
  }

  int length() {
    return length;
  }

  int line() {
    return line;
  }
}
