package io.ghlcredly.credly;

import java.net.URI;

/**
 * Credly's production and sandbox: one setting picks both the API base URL and the OAuth token
 * endpoint. The token endpoint is not on the API host (credly.md §2b); the sandbox one is inferred
 * from the sandbox web host and must be confirmed on a sandbox account.
 */
public enum CredlyEnvironment {
  PRODUCTION("https://api.credly.com/v1", "https://www.credly.com/oauth/token"),
  SANDBOX("https://sandbox-api.credly.com/v1", "https://sandbox.credly.com/oauth/token");

  private final URI apiBaseUrl;
  private final URI tokenUrl;

  CredlyEnvironment(String apiBaseUrl, String tokenUrl) {
    this.apiBaseUrl = URI.create(apiBaseUrl);
    this.tokenUrl = URI.create(tokenUrl);
  }

  /** The API base, ending in {@code /v1}. */
  public URI apiBaseUrl() {
    return apiBaseUrl;
  }

  /** Where OAuth client credentials are exchanged for an access token. */
  public URI tokenUrl() {
    return tokenUrl;
  }
}
