package io.ghlcredly.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What a named operator may do, each role including the ones before it: a viewer reads everything,
 * an editor also replays failed work, runs imports and edits rules, an admin also manages
 * connections, operators and OAuth installs.
 */
public enum OperatorRole {
  VIEWER,
  EDITOR,
  ADMIN;

  /** Whether this role may do what {@code needed} may do. */
  public boolean includes(OperatorRole needed) {
    return compareTo(needed) >= 0;
  }

  /** The word used in the CLI, YAML and pages: {@code viewer}, {@code editor}, {@code admin}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role for a word as {@link #word()} writes it, ignoring case. */
  public static Optional<OperatorRole> fromWord(String word) {
    for (OperatorRole role : values()) {
      if (role.word().equalsIgnoreCase(word.trim())) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
