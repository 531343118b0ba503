package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.http.JsonCodec;
import org.junit.jupiter.api.Test;

class CredlyErrorMessageReaderTest {
  private final CredlyErrorMessageReader reader = new CredlyErrorMessageReader(new JsonCodec());

  @Test
  void readsCredlysDataMessage() {
    // Body recorded from Credly (NCCE fixture issue_badge_failure.json).
    String body =
        """
        {"data":{"message":"Invalid or missing Badge Template ID: "},"metadata":null}""";

    assertThat(reader.read(body)).contains("Invalid or missing Badge Template ID: ");
  }

  @Test
  void readsErrorsArrayAndPlainMessage() {
    assertThat(reader.read("{\"errors\":[{\"message\":\"bad field\",\"field\":\"x\"}]}"))
        .contains("bad field");
    assertThat(reader.read("{\"message\":\"nope\"}")).contains("nope");
  }

  @Test
  void givesNothingForEmptyOrNonJsonBodies() {
    assertThat(reader.read("")).isEmpty();
    assertThat(reader.read("<html>Bad Gateway</html>")).isEmpty();
    assertThat(reader.read("{\"data\":{}}")).isEmpty();
  }
}
