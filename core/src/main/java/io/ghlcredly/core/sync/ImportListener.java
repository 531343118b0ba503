package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.ContactId;

/**
 * Follows an import as it runs (a progress bar, a log). Called on the importing thread; every
 * method but {@link #pageDone} has a no-op default.
 */
public interface ImportListener {
  /** After the directory was counted and the checkpoint read, before the first page. */
  default void started(ImportProgress progress) {}

  /** After each page (and, outside a dry run, after its checkpoint was saved). */
  void pageDone(ImportProgress progress);

  /** A contact's version was new to the inbox: its sync job is queued. */
  default void queued(ContactId contactId) {}

  /** Dry run: what would be done for one contact (also called when there is nothing to do). */
  default void planned(ContactPlanner.Plan plan) {}

  /**
   * Asked between pages: true stops the walk after the page just completed, leaving the checkpoint
   * where a re-run resumes.
   */
  default boolean stopRequested() {
    return false;
  }
}
