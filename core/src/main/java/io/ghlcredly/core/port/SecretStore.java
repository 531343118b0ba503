package io.ghlcredly.core.port;

import io.ghlcredly.core.model.Secret;
import java.util.Optional;

/** Named secrets (tokens, client secrets), encrypted at rest by the implementation. Thread-safe. */
public interface SecretStore {
  void put(String name, Secret secret);

  Optional<Secret> find(String name);

  void delete(String name);
}
