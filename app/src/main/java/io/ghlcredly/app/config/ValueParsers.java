package io.ghlcredly.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Text to typed values; each returns null when the text is not a valid value. */
final class ValueParsers {
  private static final Pattern SHARE = Pattern.compile("\\d{1,3}(\\.\\d{1,6})?");
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,12}");
  private static final Pattern BYTES = Pattern.compile("(?i)(\\d{1,12})\\s*(b|kib|mib)?");
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
  private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]{2,45}(%[a-z0-9]+)?");

  private ValueParsers() {}

  static @Nullable Integer integer(String text, int min, int max) {
    if (!INTEGER.matcher(text).matches()) {
      return null;
    }
    long value = Long.parseLong(text);
    return value >= min && value <= max ? (int) value : null;
  }

  /**
   * An address to bind: an IPv4 address or host name as written, or an IPv6 address (brackets
   * dropped). Not resolved here: a load must not wait for DNS.
   */
  static @Nullable String host(String text) {
    String host =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    if (host.contains(":")) {
      return IPV6.matcher(host).matches() ? host : null;
    }
    return host.length() <= 253 && HOST_NAME.matcher(host).matches() ? host : null;
  }

  /** A size in bytes: a plain number, or with a unit: {@code 512KiB}, {@code 1MiB}. */
  static @Nullable Long bytes(String text, long min, long max) {
    Matcher matcher = BYTES.matcher(text);
    if (!matcher.matches()) {
      return null;
    }
    String unit = matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT);
    long factor =
        switch (unit) {
          case "mib" -> 1024L * 1024L;
          case "kib" -> 1024L;
          default -> 1L;
        };
    long value = Long.parseLong(matcher.group(1)) * factor;
    return value >= min && value <= max ? value : null;
  }

  static @Nullable Double share(String text) {
    if (!SHARE.matcher(text.strip()).matches()) {
      return null;
    }
    double value = Double.parseDouble(text.strip());
    return value > 0 && value <= 1 ? value : null;
  }

  static @Nullable Boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  static @Nullable Duration duration(String text, Duration min, Duration max) {
    Duration value;
    try {
      value = DurationText.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return value.compareTo(min) >= 0 && value.compareTo(max) <= 0 ? value : null;
  }

  static @Nullable URI url(String text) {
    try {
      URI uri = new URI(text);
      return Uris.isAbsoluteHttp(uri) ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  static @Nullable Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The constant whose kebab-case name ({@code PRIVATE_TOKEN} is private-token) is the text. */
  static <E extends Enum<E>> @Nullable E choice(String text, Class<E> type) {
    String wanted = text.toLowerCase(Locale.ROOT).replace('_', '-');
    for (E constant : type.getEnumConstants()) {
      if (yamlName(constant).equals(wanted)) {
        return constant;
      }
    }
    return null;
  }

  static String yamlName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
