package io.ghlcredly.web.operators;

import java.net.URI;

/**
 * The one-time link an invited operator opens to set their password: {@code
 * <base>/admin/welcome?token=<token>}, served by the welcome page.
 */
public final class WelcomeLink {
  /** The path of the welcome page; its query parameter {@value #TOKEN_PARAMETER} is the token. */
  public static final String PATH = "/admin/welcome";

  public static final String TOKEN_PARAMETER = "token";

  private WelcomeLink() {}

  /**
   * The link on a base URL such as {@code https://sync.example.com} (a trailing slash or a path
   * prefix is kept as is).
   */
  public static URI of(URI base, String token) {
    String root = base.toString();
    while (root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
    // The token is base64url: nothing in it needs escaping.
    return URI.create(root + PATH + "?" + TOKEN_PARAMETER + "=" + token);
  }
}
