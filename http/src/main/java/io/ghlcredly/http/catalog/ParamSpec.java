package io.ghlcredly.http.catalog;

/**
 * One parameter of an operation.
 *
 * @param name as the provider names it, such as {@code contactId}
 * @param location where it goes: path, query or header (the JSON body is separate)
 */
public record ParamSpec(String name, Location location, boolean required, String description) {
  /** Where a parameter is sent. */
  public enum Location {
    PATH,
    QUERY,
    HEADER
  }

  public static ParamSpec path(String name, String description) {
    return new ParamSpec(name, Location.PATH, true, description);
  }

  public static ParamSpec query(String name, boolean required, String description) {
    return new ParamSpec(name, Location.QUERY, required, description);
  }
}
