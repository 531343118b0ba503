package io.ghlcredly.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The README's example configuration, what a new user copies: the first YAML block of its
 * "Configuration" section.
 */
public final class ReadmeExample {
  private ReadmeExample() {}

  public static String configuration() {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the README", e);
    }
    int section = lines.indexOf("## Configuration");
    int start = -1;
    for (int index = Math.max(section, 0); index < lines.size(); index++) {
      if (start < 0 && lines.get(index).equals("```yaml")) {
        start = index + 1;
      } else if (start >= 0 && lines.get(index).equals("```")) {
        return String.join("\n", lines.subList(start, index)) + "\n";
      }
    }
    throw new IllegalStateException("no ```yaml block under '## Configuration' in README.md");
  }
}
