package io.ghlcredly.ghl;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OAuth scopes the current token holds, asked before every call so that a call the token cannot
 * make fails before it is sent ({@link MissingScopeException}). {@link #ALL} stands for "every
 * scope": a Private Integration Token does not tell us its scopes, so we let HighLevel decide.
 * Implementations must be thread-safe; the value may change over time (a re-install that grants
 * more scopes).
 */
@FunctionalInterface
public interface GrantedScopes {
  /** Means every scope is granted (or unknown, as for Private Integration Tokens). */
  String ALL = "all";

  /** Read contacts, tasks, notes, appointments. */
  String CONTACTS_READONLY = "contacts.readonly";

  /** Create, change and delete contacts and what hangs off them. */
  String CONTACTS_WRITE = "contacts.write";

  /** Read a location's (sub-account's) details, such as its name. */
  String LOCATIONS_READONLY = "locations.readonly";

  /** Read a location's tags. */
  String LOCATION_TAGS_READONLY = "locations/tags.readonly";

  /** Read a location's custom field definitions. */
  String LOCATION_CUSTOM_FIELDS_READONLY = "locations/customFields.readonly";

  /** List a location's workflows. */
  String WORKFLOWS_READONLY = "workflows.readonly";

  /** List a location's campaigns. */
  String CAMPAIGNS_READONLY = "campaigns.readonly";

  /** Read a location's users. */
  String USERS_READONLY = "users.readonly";

  Set<String> granted();

  /** Whether a call needing {@code scope} may be sent. */
  default boolean allows(String scope) {
    Set<String> granted = granted();
    return granted.contains(ALL) || granted.contains(scope);
  }

  /** For Private Integration Tokens, whose scopes we cannot read. */
  static GrantedScopes all() {
    Set<String> all = Set.of(ALL);
    return () -> all;
  }

  static GrantedScopes of(String... scopes) {
    Set<String> fixed = Set.of(scopes);
    return () -> fixed;
  }

  /** From the space-separated {@code scope} field of HighLevel's token response. */
  static GrantedScopes parse(String spaceSeparated) {
    Set<String> fixed =
        Arrays.stream(spaceSeparated.trim().split("\\s+"))
            .filter(scope -> !scope.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    return () -> fixed;
  }
}
