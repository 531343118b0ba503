package io.ghlcredly.credly;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.SecretStore;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic with the organization token. With a secret store, the configured token is kept there
 * encrypted (written only when it changed), and after a 401 the stored token is read again: a token
 * rotated into the store is picked up without a restart. Thread-safe.
 */
final class OrganizationTokenAuth implements CredlyAuth {
  private static final Logger log = LoggerFactory.getLogger(OrganizationTokenAuth.class);

  private final @Nullable SecretStore secrets;
  private volatile Secret token;

  OrganizationTokenAuth(Secret configured, @Nullable SecretStore secrets) {
    this.secrets = secrets;
    this.token = configured;
    if (secrets != null) {
      Optional<Secret> stored = secrets.find(TOKEN_SECRET);
      if (stored.isEmpty() || !stored.get().equals(configured)) {
        secrets.put(TOKEN_SECRET, configured);
      }
    }
  }

  @Override
  public String authorization() {
    return CredlyAuth.basic(token);
  }

  @Override
  public boolean refreshAfterUnauthorized() {
    SecretStore store = secrets;
    if (store == null) {
      return false;
    }
    Optional<Secret> stored = store.find(TOKEN_SECRET);
    if (stored.isEmpty() || stored.get().equals(token)) {
      return false;
    }
    token = stored.get();
    log.atInfo().log("Credly token rotated in the secret store; using the new one");
    return true;
  }
}
