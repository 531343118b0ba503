package io.ghlcredly.app;

import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.app.config.GhlConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Small configuration files that differ only in their {@code ghl} section, written to a folder and
 * loaded: for tests of what follows from the GHL mode and locations.
 */
public final class GhlConfigFiles {
  private static final Map<String, String> ENV =
      Map.of("GHL_TOKEN", "pit-1", "GHL_SECRET", "secret-1", "CREDLY_TOKEN", "credly-1");

  private final Path folder;

  public GhlConfigFiles(Path folder) {
    this.folder = folder;
  }

  /** Private-token mode with more lines under {@code ghl.auth} and under {@code ghl}. */
  public GhlConfig privateToken(String authLines, String ghlLines) throws IOException {
    return load(
        """
        ghl:
          auth:
            mode: private-token
            private-token: ${GHL_TOKEN}
        %s%s"""
            .formatted(authLines, ghlLines));
  }

  /** OAuth mode with more lines under {@code ghl}. */
  public GhlConfig oauth(String ghlLines) throws IOException {
    return load(
        """
        server:
          public-url: https://sync.example.com
        ghl:
          auth:
            mode: oauth
            client-id: client-1
            client-secret: ${GHL_SECRET}
        %s"""
            .formatted(ghlLines));
  }

  private GhlConfig load(String ghl) throws IOException {
    Path file =
        Files.writeString(
            Files.createTempFile(folder, "config", ".yaml"),
            ghl
                + """
                credly:
                  environment: sandbox
                  organization-id: 00000000-0000-0000-0000-000000000001
                  auth:
                    token: ${CREDLY_TOKEN}
                """);
    return ConfigLoader.load(file, ENV).ghl();
  }
}
