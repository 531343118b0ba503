package io.ghlcredly.storage.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Encodes a list of strings as a JSON array of strings and back, for columns such as tags and event
 * ids: {@link Json} restricted to that one shape.
 */
public final class JsonStringList {
  private JsonStringList() {}

  public static String encode(Collection<String> values) {
    return Json.write(new ArrayList<>(values));
  }

  /**
   * Decodes what {@link #encode} wrote (and any JSON array of strings).
   *
   * @throws IllegalArgumentException when the text is not a JSON array of strings
   */
  public static List<String> decode(String json) {
    return Json.stringList(Json.parse(json), "the list");
  }
}
