package io.ghlcredly.app.config;

import java.util.Collection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** "Did you mean …?" for misspelled keys and kinds, by edit distance. */
final class KeySuggestions {
  private KeySuggestions() {}

  /** The closest candidate, when it is close enough to be a likely typo; else null. */
  static @Nullable String closest(String key, Collection<String> candidates) {
    String wanted = normalize(key);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(wanted, normalize(candidate));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(2, wanted.length() / 3);
    return bestDistance <= allowed ? best : null;
  }

  /** " (did you mean 'x'?)" or the empty string. */
  static String hint(String key, Collection<String> candidates) {
    String closest = closest(key, candidates);
    return closest == null ? "" : " (did you mean '" + closest + "'?)";
  }

  private static String normalize(String key) {
    return key.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static int distance(String left, String right) {
    int[] previous = new int[right.length() + 1];
    int[] current = new int[right.length() + 1];
    for (int j = 0; j <= right.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= left.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= right.length(); j++) {
        int substitution = left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[right.length()];
  }
}
