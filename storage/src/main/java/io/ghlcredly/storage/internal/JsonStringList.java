package io.ghlcredly.storage.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Encodes a list of strings as a JSON array of strings and back, for columns such as tags and event
 * ids. Small on purpose: strings only, no other JSON values.
 */
public final class JsonStringList {
  private JsonStringList() {}

  public static String encode(Collection<String> values) {
    StringBuilder json = new StringBuilder("[");
    boolean first = true;
    for (String value : values) {
      if (!first) {
        json.append(',');
      }
      first = false;
      appendQuoted(json, value);
    }
    return json.append(']').toString();
  }

  /**
   * Decodes what {@link #encode} wrote (and any JSON array of strings).
   *
   * @throws IllegalArgumentException when the text is not a JSON array of strings
   */
  public static List<String> decode(String json) {
    Parser parser = new Parser(json);
    List<String> values = parser.parseArray();
    parser.expectEnd();
    return values;
  }

  private static void appendQuoted(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }

  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    List<String> parseArray() {
      skipSpace();
      expect('[');
      List<String> values = new ArrayList<>();
      skipSpace();
      if (peek() == ']') {
        at++;
        return values;
      }
      while (true) {
        skipSpace();
        values.add(parseString());
        skipSpace();
        char next = next();
        if (next == ']') {
          return values;
        }
        if (next != ',') {
          throw error("expected ',' or ']'");
        }
      }
    }

    private String parseString() {
      expect('"');
      StringBuilder value = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return value.toString();
        }
        if (c != '\\') {
          value.append(c);
          continue;
        }
        char escaped = next();
        switch (escaped) {
          case '"', '\\', '/' -> value.append(escaped);
          case 'n' -> value.append('\n');
          case 'r' -> value.append('\r');
          case 't' -> value.append('\t');
          case 'b' -> value.append('\b');
          case 'f' -> value.append('\f');
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw error("truncated \\u escape");
            }
            value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> throw error("bad escape");
        }
      }
    }

    void expectEnd() {
      skipSpace();
      if (at != text.length()) {
        throw error("unexpected text after the array");
      }
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private char peek() {
      if (at >= text.length()) {
        throw error("unexpected end");
      }
      return text.charAt(at);
    }

    private char next() {
      char c = peek();
      at++;
      return c;
    }

    private void expect(char wanted) {
      if (next() != wanted) {
        throw error("expected '" + wanted + "'");
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("not a JSON array of strings at " + at + ": " + what);
    }
  }
}
