package io.ghlcredly.app.workspace;

import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.LocationNames;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns the names of locations from GHL ({@code GET /locations/{locationId}}) and keeps them, so
 * that pages say "North Academy" rather than an id. Only locations without a name are asked about;
 * one that cannot be read (no {@code locations.readonly} scope on an install made before the sync
 * asked for it, GHL down) is skipped with one log line and asked again next time. Thread-safe.
 */
public final class LocationNaming {
  private static final Logger log = LoggerFactory.getLogger(LocationNaming.class);

  private final LocationNames names;
  private final Function<LocationId, Optional<String>> fetch;
  private final InstantSource clock;

  public LocationNaming(
      LocationNames names, Function<LocationId, Optional<String>> fetch, InstantSource clock) {
    this.names = names;
    this.fetch = fetch;
    this.clock = clock;
  }

  /** Reads and keeps the names of the locations that have none yet; returns how many it learnt. */
  public int fillMissing(Collection<LocationId> locations) {
    int learnt = 0;
    for (LocationId location : locations) {
      if (names.nameOf(location).isPresent()) {
        continue;
      }
      try {
        Optional<String> name = fetch.apply(location);
        if (name.isPresent() && !name.get().isBlank()) {
          names.save(location, name.get().strip(), clock.instant());
          learnt++;
        }
      } catch (RuntimeException e) {
        log.atInfo()
            .addKeyValue("locationId", location)
            .addKeyValue("cause", e.getClass().getSimpleName())
            .log("location name not read from GHL; its id is shown instead");
      }
    }
    return learnt;
  }
}
