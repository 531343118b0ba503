package io.ghlcredly.app.faults;

import io.ghlcredly.testkit.ghl.GhlEmulator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The kill tests' contacts, seeded in GHL without webhooks: every fifth has the badge tag
 * (qualifying), every fiftieth also the tag whose rule writes back to GHL (honours).
 *
 * @param all every contact, in seeding order
 * @param qualifying those with the badge tag; mutable, the storms add theirs
 * @param honours those with the write-back tag; mutable, the storms add theirs
 * @param others those without the badge tag, in seeding order: the storms tag them
 */
record SeededContacts(
    List<String> all, Set<String> qualifying, Set<String> honours, List<String> others) {

  static SeededContacts seed(GhlEmulator ghl, int size, String badgeTag, String honoursTag) {
    List<String> contacts =
        ghl.seedContacts(
            size,
            (contact, index) -> {
              if (index % 5 == 0) {
                contact.tags(badgeTag);
              }
              if (index % 50 == 0) {
                contact.tags(honoursTag);
              }
            });
    Set<String> qualifying = new HashSet<>();
    Set<String> honours = new HashSet<>();
    List<String> others = new ArrayList<>();
    for (int i = 0; i < contacts.size(); i++) {
      (i % 5 == 0 ? qualifying : others).add(contacts.get(i));
      if (i % 50 == 0) {
        honours.add(contacts.get(i));
      }
    }
    return new SeededContacts(contacts, qualifying, honours, others);
  }
}
