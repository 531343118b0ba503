package io.ghlcredly.storage.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small JSON codec for the text columns the stores own: strings, nulls, arrays and objects only
 * (no numbers or booleans, which the stores never write). Storage depends on no JSON library, and
 * these columns need no more. Thread-safe (stateless).
 */
public final class Json {
  private Json() {}

  /**
   * Writes a value: null, a {@link String}, a {@link Collection} or a {@link Map} with string keys,
   * nested freely.
   *
   * @throws IllegalArgumentException for any other kind of value
   */
  public static String write(@Nullable Object value) {
    StringBuilder json = new StringBuilder();
    append(json, value);
    return json.toString();
  }

  /**
   * Parses what {@link #write} wrote: a {@link String}, a {@code List}, a {@code Map} (in document
   * order) or null.
   *
   * @throws IllegalArgumentException when the text is not such JSON
   */
  public static @Nullable Object parse(String json) {
    Parser parser = new Parser(json);
    Object value = parser.parseValue();
    parser.expectEnd();
    return value;
  }

  /** Parses a JSON object whose values are all strings. */
  public static Map<String, String> parseStringMap(String json) {
    return stringMap(parse(json), "the document");
  }

  /** The value as a map of strings, or an exception naming {@code what}. */
  public static Map<String, String> stringMap(@Nullable Object value, String what) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(what + " is not a JSON object");
    }
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getValue() instanceof String text)) {
        throw new IllegalArgumentException(what + " has a value that is not a string");
      }
      strings.put(String.valueOf(entry.getKey()), text);
    }
    return strings;
  }

  /** The value as a list of strings, or an exception naming {@code what}. */
  public static List<String> stringList(@Nullable Object value, String what) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(what + " is not a JSON array");
    }
    List<String> strings = new ArrayList<>();
    for (Object element : list) {
      if (!(element instanceof String text)) {
        throw new IllegalArgumentException(what + " has an element that is not a string");
      }
      strings.add(text);
    }
    return strings;
  }

  private static void append(StringBuilder json, @Nullable Object value) {
    switch (value) {
      case null -> json.append("null");
      case String text -> appendQuoted(json, text);
      case Collection<?> values -> {
        json.append('[');
        boolean first = true;
        for (Object element : values) {
          json.append(first ? "" : ",");
          first = false;
          append(json, element);
        }
        json.append(']');
      }
      case Map<?, ?> fields -> {
        json.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> field : fields.entrySet()) {
          if (!(field.getKey() instanceof String name)) {
            throw new IllegalArgumentException("JSON object keys must be strings");
          }
          json.append(first ? "" : ",");
          first = false;
          appendQuoted(json, name);
          json.append(':');
          append(json, field.getValue());
        }
        json.append('}');
      }
      default ->
          throw new IllegalArgumentException(
              "cannot write a " + value.getClass().getSimpleName() + " as JSON");
    }
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

    @Nullable Object parseValue() {
      skipSpace();
      char c = peek();
      return switch (c) {
        case '"' -> parseString();
        case '[' -> parseArray();
        case '{' -> parseObject();
        case 'n' -> parseNull();
        default -> throw error("unexpected '" + c + "'");
      };
    }

    private @Nullable Object parseNull() {
      if (!text.startsWith("null", at)) {
        throw error("expected null");
      }
      at += 4;
      return null;
    }

    private List<@Nullable Object> parseArray() {
      expect('[');
      List<@Nullable Object> values = new ArrayList<>();
      skipSpace();
      if (peek() == ']') {
        at++;
        return values;
      }
      while (true) {
        values.add(parseValue());
        if (endOfContainer(']')) {
          return values;
        }
      }
    }

    private Map<String, @Nullable Object> parseObject() {
      expect('{');
      Map<String, @Nullable Object> fields = new LinkedHashMap<>();
      skipSpace();
      if (peek() == '}') {
        at++;
        return fields;
      }
      while (true) {
        skipSpace();
        String name = parseString();
        skipSpace();
        expect(':');
        fields.put(name, parseValue());
        if (endOfContainer('}')) {
          return fields;
        }
      }
    }

    /** After an element: true at the closing character, false after a comma. */
    private boolean endOfContainer(char close) {
      skipSpace();
      char next = next();
      if (next == close) {
        return true;
      }
      if (next != ',') {
        throw error("expected ',' or '" + close + "'");
      }
      return false;
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
          case 'u' -> value.append(unicodeEscape());
          default -> throw error("bad escape");
        }
      }
    }

    private char unicodeEscape() {
      if (at + 4 > text.length()) {
        throw error("truncated \\u escape");
      }
      try {
        char c = (char) Integer.parseInt(text.substring(at, at + 4), 16);
        at += 4;
        return c;
      } catch (NumberFormatException e) {
        IllegalArgumentException failure = error("bad \\u escape");
        failure.initCause(e);
        throw failure;
      }
    }

    void expectEnd() {
      skipSpace();
      if (at != text.length()) {
        throw error("unexpected text after the value");
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
      return new IllegalArgumentException("not valid JSON at " + at + ": " + what);
    }
  }
}
