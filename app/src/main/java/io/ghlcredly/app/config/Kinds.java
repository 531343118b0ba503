package io.ghlcredly.app.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The single kind key of a {@code when} or action mapping. */
final class Kinds {
  private Kinds() {}

  /** The one key of the section, or null after reporting why not. */
  static @Nullable String single(Section section, String noun, List<String> supported) {
    List<String> kinds = section.keys();
    kinds.forEach(section::markKnown);
    if (kinds.size() != 1) {
      String got = kinds.isEmpty() ? "none" : String.join(", ", kinds);
      section.context().problem(section.path(), "needs exactly one " + noun + " kind, got: " + got);
      return null;
    }
    String kind = kinds.get(0);
    if (!supported.contains(kind)) {
      unknown(section, kind, noun, supported);
      return null;
    }
    return kind;
  }

  /** Reports an unknown kind, suggesting the closest known one. */
  static void unknown(Section section, String kind, String noun, List<String> supported) {
    section.problem(
        kind,
        "unknown "
            + noun
            + KeySuggestions.hint(kind, supported)
            + " (kinds: "
            + String.join(", ", supported)
            + ")");
  }
}
