package io.ghlcredly.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.http.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code searchAfter} cursor of {@code POST /contacts/search}: read from a result, and written
 * as self-contained text ({@code {"searchAfter":[1709288130123,"abc"]}}) that can be stored and
 * sent again after a restart. Stateless, thread-safe.
 */
final class SearchCursor {
  private static final JsonCodec JSON = new JsonCodec();

  private SearchCursor() {}

  /** The values of a result's {@code searchAfter}; empty when it has none. */
  static List<Object> values(@Nullable JsonNode searchAfter) {
    List<Object> cursor = new ArrayList<>();
    if (searchAfter == null || !searchAfter.isArray()) {
      return cursor;
    }
    for (JsonNode value : searchAfter) {
      if (value.isIntegralNumber()) {
        cursor.add(value.asLong());
      } else if (value.isNumber()) {
        cursor.add(value.asDouble());
      } else {
        cursor.add(value.asText());
      }
    }
    return cursor;
  }

  /** The cursor as text. */
  static String encode(List<Object> values) {
    ObjectNode cursor = JSON.mapper().createObjectNode();
    cursor.set("searchAfter", JSON.mapper().valueToTree(values));
    return cursor.toString();
  }

  /**
   * The values of a cursor written by {@link #encode}.
   *
   * @throws IllegalArgumentException when the text is not such a cursor
   */
  static List<Object> decode(String text) {
    JsonNode searchAfter =
        JSON.findTree(text).map(cursor -> cursor.get("searchAfter")).orElse(null);
    if (!(searchAfter instanceof ArrayNode array) || array.isEmpty()) {
      throw new IllegalArgumentException("not a contact search cursor");
    }
    return values(array);
  }
}
