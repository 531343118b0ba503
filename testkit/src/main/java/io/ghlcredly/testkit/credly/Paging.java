package io.ghlcredly.testkit.credly;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Credly's page metadata for a list: absolute previous and next URLs that keep the request's other
 * parameters. Stateless.
 */
final class Paging {
  static final int DEFAULT_PER = 50;
  private static final int MAX_PER = 100;

  private Paging() {}

  static <T> String page(
      CredlyJson json,
      String listUrl,
      Map<String, String> query,
      List<T> matching,
      Function<T, JsonNode> render) {
    int page = RouteGuard.positiveInt(query, "page", 1);
    int per = Math.min(RouteGuard.positiveInt(query, "per", DEFAULT_PER), MAX_PER);
    int totalPages = (matching.size() + per - 1) / per;
    List<JsonNode> items =
        matching.stream().skip((long) (page - 1) * per).limit(per).map(render).toList();
    CredlyJson.PageLinks links =
        new CredlyJson.PageLinks(
            page,
            matching.size(),
            totalPages,
            per,
            page > 1 ? url(listUrl, query, page - 1, per) : null,
            page < totalPages ? url(listUrl, query, page + 1, per) : null);
    return json.page(items, links);
  }

  static String url(String listUrl, Map<String, String> query, int page, int per) {
    StringBuilder url = new StringBuilder(listUrl).append('?');
    query.forEach(
        (name, value) -> {
          if (!name.equals("page") && !name.equals("per")) {
            url.append(encode(name)).append('=').append(encode(value)).append('&');
          }
        });
    return url.append("page=").append(page).append("&per=").append(per).toString();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
