package io.ghlcredly.credly;

import io.ghlcredly.core.model.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** How the service authenticates to Credly (credly.md §2): one of two modes. */
public sealed interface CredlyCredentials {
  /**
   * When the credential itself stops working, if known: organization tokens expire 180 days after
   * creation. Null when unknown.
   */
  @Nullable Instant expiresAt();

  /**
   * An organization authorization token, sent as the HTTP Basic user name with an empty password.
   *
   * @param expiresAt the token's expiry (Credly lists it with the token), or null when unknown
   */
  record OrganizationToken(Secret token, @Nullable Instant expiresAt) implements CredlyCredentials {
    public OrganizationToken {
      Objects.requireNonNull(token, "token");
    }

    public OrganizationToken(Secret token) {
      this(token, null);
    }
  }

  /**
   * OAuth 2.0 client credentials, exchanged at {@code tokenUrl} for a Bearer access token.
   *
   * @param scopes requested scopes, such as {@code issued_badges}; empty requests the app's default
   * @param expiresAt when the client secret expires, if the operator knows; null when unknown
   */
  record ClientCredentials(
      String clientId,
      Secret clientSecret,
      URI tokenUrl,
      List<String> scopes,
      @Nullable Instant expiresAt)
      implements CredlyCredentials {
    /** The scopes the sync needs: badges, templates, events and Workforce records. */
    public static final List<String> SYNC_SCOPES =
        List.of("issued_badges", "badge_templates", "events", "workforce");

    public ClientCredentials {
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("Credly OAuth client id must not be blank");
      }
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(tokenUrl, "tokenUrl");
      scopes = List.copyOf(scopes);
    }
  }
}
