package io.ghlcredly.storage;

import io.ghlcredly.core.model.LocationId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which GHL locations a read for operators covers: every one, only some, or every known location
 * but some. Rows whose location is unknown are only in {@link #all()}. Written into SQL as a
 * condition with bind parameters, never as text from the caller.
 */
public final class LocationFilter {
  private enum Kind {
    ALL,
    ONLY,
    ALL_EXCEPT
  }

  /**
   * A contact's location in SQL: its last applied snapshot's, else the one its events name; {@code
   * %s} is the alias of a table with a {@code contact_id} column.
   */
  static final String CONTACT_LOCATION =
      "COALESCE((SELECT cs.location_id FROM contact_state cs WHERE cs.contact_id = %1$s.contact_id),"
          + " (SELECT MAX(ei.location_id) FROM event_inbox ei WHERE ei.contact_id = %1$s.contact_id))";

  private static final LocationFilter ALL = new LocationFilter(Kind.ALL, Set.of());

  private final Kind kind;
  private final List<String> locations;

  private LocationFilter(Kind kind, Set<LocationId> locations) {
    this.kind = kind;
    List<String> values = new ArrayList<>();
    locations.forEach(location -> values.add(location.value()));
    Collections.sort(values);
    this.locations = List.copyOf(values);
  }

  /** Every location, and rows with none. */
  public static LocationFilter all() {
    return ALL;
  }

  /** Only these locations (none: nothing). */
  public static LocationFilter only(Set<LocationId> locations) {
    return new LocationFilter(Kind.ONLY, new LinkedHashSet<>(locations));
  }

  /** Every known location but these. */
  public static LocationFilter allExcept(Set<LocationId> locations) {
    return new LocationFilter(Kind.ALL_EXCEPT, new LinkedHashSet<>(locations));
  }

  /** Whether the filter lets every row through. */
  public boolean isAll() {
    return kind == Kind.ALL;
  }

  /** The SQL condition on a location expression; its parameters are {@link #params}. */
  String where(String expression) {
    return switch (kind) {
      case ALL -> "1 = 1";
      case ONLY -> locations.isEmpty() ? "1 = 0" : expression + " IN (" + marks() + ")";
      case ALL_EXCEPT ->
          locations.isEmpty()
              ? expression + " IS NOT NULL"
              : "(" + expression + " IS NOT NULL AND " + expression + " NOT IN (" + marks() + "))";
    };
  }

  /** The condition's parameters followed by {@code more}. */
  @Nullable Object[] params(@Nullable Object... more) {
    List<@Nullable Object> all = new ArrayList<>(kind == Kind.ALL ? List.of() : locations);
    Collections.addAll(all, more);
    return all.toArray();
  }

  private String marks() {
    return String.join(", ", Collections.nCopies(locations.size(), "?"));
  }
}
