package io.ghlcredly.app.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-default}} in YAML string values from the environment.
 * As in the shell, the default applies when the variable is unset or empty. <code>$${</code> writes
 * a literal <code>${</code>. Defaults cannot nest further references. Remembers which variables
 * were referenced. Not thread-safe: one instance per load.
 */
final class Interpolator {
  private static final Pattern SINGLE_REFERENCE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Map<String, String> env;
  private final Set<String> referenced = new HashSet<>();

  Interpolator(Map<String, String> env) {
    this.env = env;
  }

  /** The outcome of expanding one value: the text, or why it could not be expanded. */
  record Expansion(@Nullable String text, List<String> problems) {
    Expansion {
      problems = List.copyOf(problems);
    }
  }

  /** A value that is exactly one reference, as secrets must be. */
  record Reference(String name, @Nullable String defaultValue) {}

  /** The reference when {@code raw} is exactly one {@code ${…}} and nothing else, else null. */
  static @Nullable Reference singleReference(String raw) {
    Matcher matcher = SINGLE_REFERENCE.matcher(raw.strip());
    if (!matcher.matches()) {
      return null;
    }
    return new Reference(matcher.group(1), matcher.group(2));
  }

  /** Whether a value read so far referred to the variable. */
  boolean referenced(String name) {
    return referenced.contains(name);
  }

  /** The variable's value, or null when it is unset or empty. */
  @Nullable String variable(String name) {
    referenced.add(name);
    String value = env.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** Whether the variable exists at all, even empty. */
  boolean isSet(String name) {
    return env.containsKey(name);
  }

  Expansion expand(String raw) {
    StringBuilder text = new StringBuilder(raw.length());
    List<String> problems = new ArrayList<>();
    int index = 0;
    while (index < raw.length()) {
      if (raw.startsWith("$${", index)) {
        text.append("${");
        index += 3;
      } else if (raw.startsWith("${", index)) {
        int end = raw.indexOf('}', index + 2);
        if (end < 0) {
          problems.add("unclosed ${ (write $${ for a literal ${)");
          break;
        }
        Matcher matcher = SINGLE_REFERENCE.matcher(raw.substring(index, end + 1));
        if (!matcher.matches()) {
          problems.add("invalid reference " + raw.substring(index, end + 1));
        } else {
          String value = resolve(matcher.group(1), matcher.group(2));
          if (value == null) {
            problems.add("environment variable " + matcher.group(1) + " is not set");
          } else {
            text.append(value);
          }
        }
        index = end + 1;
      } else {
        text.append(raw.charAt(index));
        index++;
      }
    }
    return new Expansion(problems.isEmpty() ? text.toString() : null, problems);
  }

  private @Nullable String resolve(String name, @Nullable String defaultValue) {
    if (defaultValue == null) {
      referenced.add(name);
      return env.get(name);
    }
    String value = variable(name);
    return value != null ? value : defaultValue;
  }
}
