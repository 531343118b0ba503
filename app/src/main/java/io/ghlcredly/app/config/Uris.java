package io.ghlcredly.app.config;

import java.net.URI;

/** URI checks shared by the records and the loader. */
final class Uris {
  private Uris() {}

  static boolean isAbsoluteHttp(URI uri) {
    String scheme = uri.getScheme();
    return uri.isAbsolute()
        && uri.getHost() != null
        && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
  }
}
