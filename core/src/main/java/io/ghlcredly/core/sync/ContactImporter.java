package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.port.ContactDirectory;
import io.ghlcredly.core.port.CursorStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import: walks every contact of a location (optionally only those updated since an instant)
 * page by page and feeds each one, carried whole, through the same {@link EventIntake} as webhooks,
 * so the sync jobs apply it without reading the contact again.
 *
 * <p>Resuming: after each page the checkpoint (cursor store name {@link #checkpointName}) holds the
 * next page's cursor and the counts, saved only once every event of the page is durable; a run of
 * the same import continues from there, so an interrupted import repeats at most the page it was in
 * (whose events the inbox then refuses as duplicates). A finished walk marks the checkpoint
 * complete and the next run starts over.
 *
 * <p>Event ids name the contact and its {@code dateUpdated}, so the same version imported twice is
 * one event. A dry run writes nothing: it asks the {@link ContactPlanner} instead of the intake.
 * Not thread-safe per import: run one import of a location at a time.
 */
public final class ContactImporter {
  /** The inbox source of imported events. */
  public static final String SOURCE = "import";

  private static final Logger log = LoggerFactory.getLogger(ContactImporter.class);

  private final ContactDirectory directory;
  private final ContactPlanner planner;
  private final EventIntake intake;
  private final CursorStore cursors;
  private final InstantSource clock;

  public ContactImporter(
      ContactDirectory directory,
      ContactPlanner planner,
      EventIntake intake,
      CursorStore cursors,
      InstantSource clock) {
    this.directory = directory;
    this.planner = planner;
    this.intake = intake;
    this.cursors = cursors;
    this.clock = clock;
  }

  /** What to import and how. */
  public record Request(
      LocationId location, @Nullable Instant since, boolean dryRun, boolean restart) {}

  /** The checkpoint name of an import: {@code import:<locationId>[:<since>]}. */
  public static String checkpointName(LocationId location, @Nullable Instant since) {
    return "import:" + location + (since == null ? "" : ":" + since);
  }

  /** Imports, resuming from the checkpoint when the previous run of the same import stopped. */
  public ImportProgress run(
      LocationId location, @Nullable Instant since, boolean dryRun, ImportListener listener) {
    return run(new Request(location, since, dryRun, false), listener);
  }

  /**
   * Walks the directory until the last page or until the listener asks to stop.
   *
   * @return the counts at the end; {@link ImportProgress#complete()} tells which
   * @throws io.ghlcredly.core.error.ApiException when the CRM fails (the checkpoint stays at the
   *     last completed page)
   */
  public ImportProgress run(Request request, ImportListener listener) {
    Walk walk = new Walk(request, listener, clock.instant(), start(request));
    walk.total = directory.count(request.location(), request.since());
    listener.started(walk.progress(false));
    log.atInfo()
        .addKeyValue("locationId", request.location())
        .addKeyValue("since", request.since())
        .addKeyValue("dryRun", request.dryRun())
        .addKeyValue("resumedAt", walk.resumedAt)
        .addKeyValue("total", walk.total)
        .log("import started");
    ImportProgress end = walk.run();
    log.atInfo()
        .addKeyValue("locationId", request.location())
        .addKeyValue("complete", end.complete())
        .addKeyValue("walked", end.walked())
        .addKeyValue("queued", end.queued())
        .addKeyValue("skipped", end.skipped())
        .addKeyValue("pages", end.pages())
        .log(end.complete() ? "import walk done" : "import stopped; a re-run resumes");
    return end;
  }

  /** Where the run starts: the saved checkpoint when resumable and wanted, else the first page. */
  private ImportCheckpoint start(Request request) {
    if (request.dryRun() || request.restart()) {
      return ImportCheckpoint.FRESH;
    }
    return cursors
        .find(checkpointName(request.location(), request.since()))
        .flatMap(ImportCheckpoint::parse)
        .filter(ImportCheckpoint::resumable)
        .orElse(ImportCheckpoint.FRESH);
  }

  /** One run's mutable state. */
  private final class Walk {
    private final Request request;
    private final ImportListener listener;
    private final Instant startedAt;
    private final String name;
    private final long resumedAt;
    private long total = -1;
    private long pages;
    private long walked;
    private long queued;
    private long skipped;
    private long planned;
    private long unchanged;
    private @Nullable String cursor;

    Walk(Request request, ImportListener listener, Instant startedAt, ImportCheckpoint from) {
      this.request = request;
      this.listener = listener;
      this.startedAt = startedAt;
      this.name = checkpointName(request.location(), request.since());
      this.resumedAt = from.walked();
      this.pages = from.pages();
      this.walked = from.walked();
      this.queued = from.queued();
      this.skipped = from.skipped();
      this.cursor = from.next();
    }

    ImportProgress run() {
      while (true) {
        ContactDirectory.Page page = directory.page(request.location(), request.since(), cursor);
        if (request.dryRun()) {
          page.contacts().forEach(this::plan);
        } else {
          queue(page.contacts());
        }
        pages++;
        cursor = page.next();
        boolean last = cursor == null;
        if (!request.dryRun()) {
          // Only now: every event of the page is in the inbox.
          cursors.save(
              name, new ImportCheckpoint(pages, walked, queued, skipped, last, cursor).encode());
        }
        ImportProgress progress = progress(last);
        listener.pageDone(progress);
        if (last || listener.stopRequested()) {
          return progress;
        }
      }
    }

    private void plan(Contact contact) {
      walked++;
      ContactPlanner.Plan plan = planner.plan(contact);
      if (plan.steps().isEmpty()) {
        unchanged++;
      } else {
        planned++;
      }
      listener.planned(plan);
    }

    /** Stores a page's contacts together: one transaction per batch, not one per contact. */
    private void queue(List<Contact> contacts) {
      List<EventIntake.Result> results =
          intake.acceptAll(SOURCE, contacts.stream().map(this::seen).toList(), "{}");
      for (int i = 0; i < contacts.size(); i++) {
        walked++;
        if (results.get(i) == EventIntake.Result.ACCEPTED) {
          queued++;
          listener.queued(contacts.get(i).id());
        } else {
          skipped++;
        }
      }
    }

    private SyncEvent.ContactSeen seen(Contact contact) {
      Instant updated = contact.dateUpdated();
      // Without a version, each run is its own: re-applying an unchanged contact is harmless.
      Instant version = updated != null ? updated : startedAt;
      EventId id = new EventId("import:" + contact.id() + ":" + version.toEpochMilli());
      return new SyncEvent.ContactSeen(id, contact.id(), request.location(), version, contact);
    }

    ImportProgress progress(boolean complete) {
      return new ImportProgress(
          request.location(),
          request.dryRun(),
          total,
          walked,
          queued,
          skipped,
          planned,
          unchanged,
          pages,
          resumedAt,
          Duration.between(startedAt, clock.instant()),
          complete);
    }
  }
}
