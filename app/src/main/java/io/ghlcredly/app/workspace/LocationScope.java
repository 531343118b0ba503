package io.ghlcredly.app.workspace;

import io.ghlcredly.core.model.LocationId;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The locations an operator may see: every location, only some, or every location but some (an
 * operator limited to the implicit workspace sees every location no other workspace holds).
 */
public sealed interface LocationScope {
  /** Whether the location is in scope; a contact with no known location is only in {@link All}. */
  boolean covers(@Nullable LocationId location);

  /** Every location. */
  LocationScope ALL = new All();

  static LocationScope only(Set<LocationId> locations) {
    return new Only(Set.copyOf(locations));
  }

  static LocationScope allExcept(Set<LocationId> locations) {
    return locations.isEmpty() ? ALL : new AllExcept(Set.copyOf(locations));
  }

  /** Every location. */
  record All() implements LocationScope {
    @Override
    public boolean covers(@Nullable LocationId location) {
      return true;
    }
  }

  /** Only these locations. */
  record Only(Set<LocationId> locations) implements LocationScope {
    @Override
    public boolean covers(@Nullable LocationId location) {
      return location != null && locations.contains(location);
    }
  }

  /** Every location but these. */
  record AllExcept(Set<LocationId> locations) implements LocationScope {
    @Override
    public boolean covers(@Nullable LocationId location) {
      return location != null && !locations.contains(location);
    }
  }
}
