package io.ghlcredly.core.port;

import io.ghlcredly.core.model.LocationId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The names of GHL locations, as GHL gives them, so that people see "North Academy" rather than an
 * id. Implementations are thread-safe and shared by every instance.
 */
public interface LocationNames {
  /** The location's name, if known. */
  Optional<String> nameOf(LocationId location);

  /** Every known name. */
  Map<LocationId, String> all();

  /** Remembers the location's name as GHL gave it at {@code fetchedAt}. */
  void save(LocationId location, String name, Instant fetchedAt);
}
