package io.ghlcredly.app.metrics;

import java.util.regex.Pattern;

/**
 * A request path made fit for a metric label: every segment that is not a plain lower-case word
 * (ids of contacts, organizations, badges, ...) becomes {@code {id}}, so the number of series stays
 * small and no id reaches the metrics.
 */
final class EndpointTemplate {
  private static final Pattern WORD = Pattern.compile("[a-z][a-z_-]{0,39}");

  private EndpointTemplate() {}

  static String of(String path) {
    int query = path.indexOf('?');
    String bare = query < 0 ? path : path.substring(0, query);
    StringBuilder template = new StringBuilder();
    for (String segment : bare.split("/", -1)) {
      if (segment.isEmpty()) {
        continue;
      }
      template.append('/').append(WORD.matcher(segment).matches() ? segment : "{id}");
    }
    return template.isEmpty() ? "/" : template.toString();
  }
}
