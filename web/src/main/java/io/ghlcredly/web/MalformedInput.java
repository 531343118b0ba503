package io.ghlcredly.web;

/** Input the server cannot read (a form or query that does not decode): answered 400. */
public final class MalformedInput extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedInput(String message) {
    super(message);
  }

  public MalformedInput(String message, Throwable cause) {
    super(message, cause);
  }
}
