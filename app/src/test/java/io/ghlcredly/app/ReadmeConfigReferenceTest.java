package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration reference names exactly the keys the loader reads. */
class ReadmeConfigReferenceTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\|");

  /** Keys without an override variable: lists, and the templates of mapping. */
  private static final Set<String> LIST_KEYS =
      Set.of(
          "ghl.locations",
          "ghl.webhooks.ed25519-public-keys",
          "ghl.webhooks.rsa-public-keys",
          "mapping.record",
          "mapping.status",
          "mapping.lookups",
          "rules",
          "workspaces");

  @Test
  void listsEveryConfigurationKeyAndNoOther() throws IOException {
    Set<String> documented = new TreeSet<>();
    boolean inReference = false;
    for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
      if (line.startsWith("#")) {
        inReference = line.equals("### Configuration reference");
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (inReference && row.find()) {
        documented.add(row.group(1));
      }
    }
    Set<String> loaded = new TreeSet<>(LIST_KEYS);
    for (String key : ConfigLoader.overrideVariables().values()) {
      if (!key.endsWith("-file") || key.equals("secrets.key-file")) {
        loaded.add(key);
      }
    }

    assertThat(documented).isEqualTo(loaded);
  }
}
