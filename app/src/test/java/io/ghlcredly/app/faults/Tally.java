package io.ghlcredly.app.faults;

import io.ghlcredly.testkit.credly.Badge;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the upstream systems hold after a fault run, against what they should hold: one badge of the
 * template per qualifying contact and none for the others, and (for write-back rules) one note
 * starting with a given text per contact that should have one.
 *
 * @param expected how many should exist
 * @param held how many exist
 * @param losses expected ones that are missing
 * @param duplicates ones beyond the first, plus any for a contact that should have none
 */
record Tally(long expected, long held, long losses, long duplicates) {

  /** The template's badges (not revoked) against the contacts that should hold one each. */
  static Tally badges(CredlyEmulator credly, String templateId, Set<String> qualifying) {
    Map<String, Long> perContact = new HashMap<>();
    for (Badge badge : credly.badges()) {
      if (badge.templateId().equals(templateId) && !badge.revoked()) {
        perContact.merge(String.valueOf(badge.issuerEarnerId()), 1L, Long::sum);
      }
    }
    return of(perContact, qualifying);
  }

  /** Notes starting with {@code prefix} on the given contacts, against those that need one each. */
  static Tally notes(
      GhlEmulator ghl, String prefix, Collection<String> contacts, Set<String> needing) {
    return of(perContact(contacts, contact -> ghl.noteBodies(contact), prefix), needing);
  }

  /** Tasks titled {@code prefix}… on the given contacts, against those that need one each. */
  static Tally tasks(
      GhlEmulator ghl, String prefix, Collection<String> contacts, Set<String> needing) {
    return of(perContact(contacts, contact -> ghl.taskTitles(contact), prefix), needing);
  }

  private static Map<String, Long> perContact(
      Collection<String> contacts, Function<String, List<String>> texts, String prefix) {
    Map<String, Long> perContact = new HashMap<>();
    for (String contact : contacts) {
      long count = texts.apply(contact).stream().filter(text -> text.startsWith(prefix)).count();
      if (count > 0) {
        perContact.put(contact, count);
      }
    }
    return perContact;
  }

  private static Tally of(Map<String, Long> perContact, Set<String> expected) {
    long losses = expected.stream().filter(id -> !perContact.containsKey(id)).count();
    long duplicates = 0;
    long held = 0;
    for (Map.Entry<String, Long> entry : perContact.entrySet()) {
      held += entry.getValue();
      duplicates += expected.contains(entry.getKey()) ? entry.getValue() - 1 : entry.getValue();
    }
    return new Tally(expected.size(), held, losses, duplicates);
  }

  boolean exact() {
    return losses == 0 && duplicates == 0 && held == expected;
  }
}
