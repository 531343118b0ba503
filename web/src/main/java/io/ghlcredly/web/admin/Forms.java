package io.ghlcredly.web.admin;

import io.ghlcredly.web.MalformedInput;
import io.javalin.http.Context;
import java.util.Objects;

/** Reads form fields through the server's own parser; a body that does not decode is a 400. */
final class Forms {
  private Forms() {}

  /** Every value of a field that may repeat (checkboxes), in order. */
  static java.util.List<String> fields(Context ctx, String name) {
    try {
      return java.util.List.copyOf(ctx.formParams(name));
    } catch (RuntimeException e) {
      throw new MalformedInput("the form could not be read: it is not valid urlencoded data", e);
    }
  }

  /** The field's value, trimmed of nothing, or empty when absent. */
  static String field(Context ctx, String name) {
    try {
      return Objects.requireNonNullElse(ctx.formParam(name), "");
    } catch (RuntimeException e) {
      // Jetty refuses a malformed urlencoded body (a stray %, say) with an exception.
      throw new MalformedInput("the form could not be read: it is not valid urlencoded data", e);
    }
  }
}
