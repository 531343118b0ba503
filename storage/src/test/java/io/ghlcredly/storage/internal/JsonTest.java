package io.ghlcredly.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void roundTripsNestedObjectsArraysStringsAndNulls() {
    Map<String, @Nullable Object> value = new LinkedHashMap<>();
    value.put("text", "say \"hi\"\n\t\\ é☃ \u0001");
    value.put("nothing", null);
    value.put("list", new ArrayList<>(Arrays.asList("a", null, List.of())));
    value.put("nested", Map.of("k", "v"));
    value.put("", "empty key");

    String json = Json.write(value);

    assertThat(Json.parse(json)).isEqualTo(value);
  }

  @Test
  void readsOrdinaryJsonWithSpacesAndEscapes() {
    assertThat(Json.parse(" { \"a\" : [ \"b\\u00e9\\/\" ] , \"c\" : null } "))
        .isEqualTo(mapOf("a", List.of("bé/"), "c", null));
    assertThat(Json.parseStringMap("{}")).isEmpty();
  }

  @Test
  void refusesNumbersBooleansAndTrailingText() {
    for (String bad : List.of("1", "true", "{\"a\":1}", "[\"a\"] x", "{\"a\"}", "\"\\u12\"", "")) {
      assertThatThrownBy(() -> Json.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void refusesAStringMapWithOtherValues() {
    assertThatThrownBy(() -> Json.parseStringMap("{\"a\":null}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parseStringMap("[]"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesToWriteOtherValues() {
    assertThatThrownBy(() -> Json.write(List.of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Integer");
  }

  private static Map<String, @Nullable Object> mapOf(
      String k1, @Nullable Object v1, String k2, @Nullable Object v2) {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }
}
