package io.ghlcredly.app;

import io.ghlcredly.app.cli.RootCommand;

/** Entry point of the {@code ghl-credly} launcher. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(RootCommand.commandLine().execute(args));
  }
}
