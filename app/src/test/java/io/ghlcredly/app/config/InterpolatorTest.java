package io.ghlcredly.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolatorTest {
  private final Interpolator interpolator =
      new Interpolator(Map.of("HOST", "db", "EMPTY", "", "PORT", "5432"));

  @Test
  void expandsReferencesAndDefaults() {
    assertThat(interpolator.expand("${HOST}:${PORT}").text()).isEqualTo("db:5432");
    assertThat(interpolator.expand("${MISSING:-fallback}").text()).isEqualTo("fallback");
    assertThat(interpolator.expand("${EMPTY:-fallback}").text()).isEqualTo("fallback");
    assertThat(interpolator.expand("${EMPTY}").text()).isEmpty();
    assertThat(interpolator.expand("plain {{contact.id}}").text())
        .isEqualTo("plain {{contact.id}}");
  }

  @Test
  void doubleDollarWritesLiteralReference() {
    assertThat(interpolator.expand("$${HOST} ${HOST}").text()).isEqualTo("${HOST} db");
  }

  @Test
  void reportsEveryMissingVariableAndMalformedReference() {
    Interpolator.Expansion expansion = interpolator.expand("${A}/${B}/${not valid}");

    assertThat(expansion.text()).isNull();
    assertThat(expansion.problems())
        .containsExactly(
            "environment variable A is not set",
            "environment variable B is not set",
            "invalid reference ${not valid}");
    assertThat(interpolator.expand("${HOST").problems())
        .containsExactly("unclosed ${ (write $${ for a literal ${)");
  }

  @Test
  void recognisesASingleReference() {
    assertThat(Interpolator.singleReference("${TOKEN}"))
        .isEqualTo(new Interpolator.Reference("TOKEN", null));
    assertThat(Interpolator.singleReference("${TOKEN:-}"))
        .isEqualTo(new Interpolator.Reference("TOKEN", ""));
    assertThat(Interpolator.singleReference("Bearer ${TOKEN}")).isNull();
    assertThat(Interpolator.singleReference("${A}${B}")).isNull();
  }
}
