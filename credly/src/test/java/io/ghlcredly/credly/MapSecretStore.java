package io.ghlcredly.credly;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.SecretStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A secret store in memory that counts writes, for tests. */
final class MapSecretStore implements SecretStore {
  final Map<String, Secret> secrets = new ConcurrentHashMap<>();
  int writes;

  @Override
  public synchronized void put(String name, Secret secret) {
    writes++;
    secrets.put(name, secret);
  }

  @Override
  public Optional<Secret> find(String name) {
    return Optional.ofNullable(secrets.get(name));
  }

  @Override
  public void delete(String name) {
    secrets.remove(name);
  }
}
