package io.ghlcredly.core.mapping;

import java.util.regex.Pattern;

/**
 * A task title pattern of the configuration: {@code *} matches any run of characters, {@code ?} one
 * character, everything else itself, ignoring case and surrounding spaces.
 */
public record TitlePattern(String glob) {
  public TitlePattern {
    if (glob.isBlank()) {
      throw new IllegalArgumentException("title pattern must not be blank");
    }
  }

  /** Matches every title. */
  public static TitlePattern any() {
    return new TitlePattern("*");
  }

  public boolean matches(String title) {
    return regex().matcher(title.trim()).matches();
  }

  private Pattern regex() {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    glob.trim()
        .codePoints()
        .forEach(
            c -> {
              if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                regex.append(c == '*' ? ".*" : ".");
              } else {
                literal.appendCodePoint(c);
              }
            });
    regex.append(Pattern.quote(literal.toString()));
    return Pattern.compile(
        regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }
}
