package io.ghlcredly.app.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;

/**
 * The demo's temporary folder and what runs on it. The folder is owner-only ({@code rwx------}), so
 * everything in it is, whatever the umask: the H2 files and the configuration as much as the secret
 * files. {@link #close()} stops the engine and the emulators first (H2 closes its files), then
 * removes the folder, or keeps it and says where. Thread-safe: the demo's thread and the JVM's
 * shutdown hook (Ctrl-C) may both close it; the first does the work.
 */
final class DemoFolder implements AutoCloseable {
  private final Path path;
  private final boolean keep;
  private final PrintWriter out;
  private @Nullable DemoEnvironment environment;
  private boolean closed;

  private DemoFolder(Path path, boolean keep, PrintWriter out) {
    this.path = path;
    this.keep = keep;
    this.out = out;
  }

  /** A new owner-only folder under {@code parent}; {@code keep} leaves it in place at the end. */
  static DemoFolder create(Path parent, boolean keep, PrintWriter out) {
    try {
      Path path =
          FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
              ? Files.createTempDirectory(parent, "ghl-credly-demo-", ownerOnly())
              : Files.createTempDirectory(parent, "ghl-credly-demo-");
      return new DemoFolder(path, keep, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the demo's folder in " + parent, e);
    }
  }

  private static FileAttribute<?> ownerOnly() {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  }

  Path path() {
    return path;
  }

  /** What runs on the folder, stopped before it is removed; returns the environment. */
  synchronized DemoEnvironment holding(DemoEnvironment running) {
    if (closed) {
      // Ctrl-C came while the environment started: stop it now, as the hook could not.
      running.close();
      throw new IllegalStateException("the demo was stopped while it started");
    }
    environment = running;
    return running;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    DemoEnvironment running = environment;
    if (running != null) {
      running.close();
    }
    if (keep) {
      out.printf("kept the demo's folder (--keep): %s%n", path);
    } else {
      try {
        delete(path);
        out.printf("removed the demo's folder %s%n", path);
      } catch (IOException e) {
        out.printf("could not remove the demo's folder %s: %s%n", path, e);
      }
    }
    out.flush();
  }

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path directory, @Nullable IOException e)
              throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(directory);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
