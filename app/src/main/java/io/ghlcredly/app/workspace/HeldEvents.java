package io.ghlcredly.app.workspace;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.JobQueue;
import io.ghlcredly.core.sync.WorkspaceEngines;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts held events back to work once a workspace serves their location: when an admin assigns the
 * location, and at start for what a new configuration now covers. Releasing makes the events
 * pending again and queues their contacts' jobs, which apply them in arrival order with the
 * workspace's rules. Thread-safe.
 */
public final class HeldEvents {
  private static final Logger log = LoggerFactory.getLogger(HeldEvents.class);

  private final EventInbox inbox;
  private final JobQueue jobs;
  private final WorkspaceEngines engines;

  public HeldEvents(EventInbox inbox, JobQueue jobs, WorkspaceEngines engines) {
    this.inbox = inbox;
    this.jobs = jobs;
    this.engines = engines;
  }

  /** Releases every held location a workspace serves now; returns how many. */
  public int releaseServed() {
    int released = 0;
    for (EventInbox.HeldLocation held : inbox.listHeld()) {
      if (engines.forLocation(held.location()).engine() != null) {
        release(held.location());
        released++;
      }
    }
    return released;
  }

  /**
   * Releases the location's held events if a workspace serves it now.
   *
   * @return the contacts queued again; empty when nothing was held or no workspace serves it
   */
  public List<ContactId> release(LocationId location) {
    if (engines.forLocation(location).engine() == null) {
      return List.of();
    }
    List<ContactId> contacts = inbox.releaseHeld(location);
    contacts.forEach(jobs::enqueueContactSync);
    if (!contacts.isEmpty()) {
      log.atInfo()
          .addKeyValue("locationId", location)
          .addKeyValue("contacts", contacts.size())
          .log("held events released: the location's workspace applies them now");
    }
    return contacts;
  }
}
