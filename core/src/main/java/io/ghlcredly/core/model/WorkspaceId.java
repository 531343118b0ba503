package io.ghlcredly.core.model;

import java.util.regex.Pattern;

/**
 * A workspace's id: lower-case letters, digits and dashes, 1 to 40 characters, such as {@code
 * academy-north}. It names the workspace in URLs, metrics labels and logs, so it stays short and
 * plain.
 */
public record WorkspaceId(String value) {
  /** What an id may look like. */
  public static final Pattern FORMAT = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

  /** The one workspace of a configuration without a {@code workspaces:} section. */
  public static final WorkspaceId DEFAULT = new WorkspaceId("default");

  public WorkspaceId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a workspace id is 1 to 40 lower-case letters, digits or dashes, got '" + value + "'");
    }
  }

  /** Whether the text is a valid id. */
  public static boolean isValid(String text) {
    return FORMAT.matcher(text).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
