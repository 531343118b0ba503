package io.ghlcredly.core.mapping;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactSnapshot;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A contact now, against what the engine applied last. With no earlier snapshot every current tag
 * counts as added: the ledger makes that safe, and a contact first seen with a tag should get the
 * tag's badge.
 */
public record ContactChange(Optional<ContactSnapshot> before, Contact after) {

  /** Tags present now and not before, lower-cased. */
  public Set<String> addedTags() {
    Set<String> added = lowerCase(after.tags());
    before.ifPresent(snapshot -> added.removeAll(lowerCase(snapshot.tags())));
    return added;
  }

  private static Set<String> lowerCase(Set<String> tags) {
    Set<String> lower = new TreeSet<>();
    for (String tag : tags) {
      lower.add(tag.trim().toLowerCase(Locale.ROOT));
    }
    return lower;
  }
}
