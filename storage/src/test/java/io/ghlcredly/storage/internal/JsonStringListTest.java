package io.ghlcredly.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonStringListTest {
  @Test
  void roundTripsAwkwardStrings() {
    List<String> values = List.of("", "plain", "a,b", "\"q\"", "\\", "tab\there", "\u0001", "é☃");

    assertThat(JsonStringList.decode(JsonStringList.encode(values))).isEqualTo(values);
  }

  @Test
  void readsOrdinaryJsonWithSpacesAndEscapes() {
    assertThat(JsonStringList.decode(" [ \"a\" , \"b\\u00e9\\/\" ] ")).containsExactly("a", "bé/");
    assertThat(JsonStringList.decode("[]")).isEmpty();
  }

  @Test
  void refusesWhatIsNotAnArrayOfStrings() {
    assertThatThrownBy(() -> JsonStringList.decode("[1]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonStringList.decode("[\"a\"] x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
