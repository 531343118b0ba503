package io.ghlcredly.app.config;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whether {@code server.admin-token} is strong enough to guard the admin API, which can replay
 * work, run imports and (with the operators) manage who signs in. A token is weak when it is
 * shorter than {@value #MIN_LENGTH} characters or when its estimated entropy is below {@value
 * #MIN_BITS} bits.
 *
 * <p>The estimate is deliberately simple: the length times the smaller of two figures per
 * character, the bits of the character classes used (lower case 26, upper case 26, digits 10, other
 * 33 symbols) and the Shannon entropy of the token's own characters. The first catches a token
 * drawn from one small class ({@code 1234…} digits only), the second a token that repeats itself
 * ({@code aaaa…}, {@code abcabc…}). {@code openssl rand -base64 32} gives 44 characters of about 5
 * bits each; {@code openssl rand -hex 32} 64 characters of about 4. Stateless.
 */
final class AdminTokenStrength {
  static final int MIN_LENGTH = 32;
  static final int MIN_BITS = 128;
  static final String HOW_TO_MAKE_ONE = "make one with `openssl rand -base64 32`";

  private AdminTokenStrength() {}

  /** Why the token is weak, never quoting it; null when it is strong enough. */
  static @Nullable String weakness(String token) {
    if (token.length() < MIN_LENGTH) {
      return "is too short: "
          + token.length()
          + " characters, at least "
          + MIN_LENGTH
          + " are needed; "
          + HOW_TO_MAKE_ONE;
    }
    long bits = Math.round(estimatedBits(token));
    if (bits < MIN_BITS) {
      return "is too easy to guess: about "
          + bits
          + " bits of estimated entropy, at least "
          + MIN_BITS
          + " are needed (repeated characters, or characters of one class only such as digits,"
          + " count for little); "
          + HOW_TO_MAKE_ONE;
    }
    return null;
  }

  /** Length times the smaller of the class bits and the Shannon entropy per character. */
  static double estimatedBits(String token) {
    int length = token.codePointCount(0, token.length());
    if (length == 0) {
      return 0;
    }
    return length * Math.min(classBits(token), shannonBits(token, length));
  }

  private static double classBits(String token) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int codePoint : token.codePoints().toArray()) {
      if (codePoint >= 'a' && codePoint <= 'z') {
        lower = true;
      } else if (codePoint >= 'A' && codePoint <= 'Z') {
        upper = true;
      } else if (codePoint >= '0' && codePoint <= '9') {
        digit = true;
      } else {
        other = true;
      }
    }
    int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
    return log2(pool);
  }

  private static double shannonBits(String token, int length) {
    Map<Integer, Integer> counts = new HashMap<>();
    token.codePoints().forEach(codePoint -> counts.merge(codePoint, 1, Integer::sum));
    double bits = 0;
    for (int count : counts.values()) {
      double share = (double) count / length;
      bits -= share * log2(share);
    }
    return bits;
  }

  private static double log2(double value) {
    return Math.log(value) / Math.log(2);
  }
}
