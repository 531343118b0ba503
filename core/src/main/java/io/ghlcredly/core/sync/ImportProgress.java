package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.LocationId;
import java.time.Duration;

/**
 * Where an import stands: what a progress bar and the final summary show. The counts cover the
 * whole import, including the pages a resumed run took over from its checkpoint.
 *
 * @param total how many contacts the CRM says the walk visits, or -1 when unknown
 * @param walked contacts read from the directory so far
 * @param queued contacts whose version was new to the inbox and queued for their sync job
 * @param skipped contacts whose version the inbox already held (an earlier run imported it)
 * @param planned dry run: contacts with at least one step to do
 * @param unchanged dry run: contacts with nothing to do
 * @param pages pages completed
 * @param resumedAt contacts the checkpoint accounted for when this run started (0 for a fresh run)
 * @param elapsed wall time of this run
 * @param complete whether the walk reached the last page
 */
public record ImportProgress(
    LocationId location,
    boolean dryRun,
    long total,
    long walked,
    long queued,
    long skipped,
    long planned,
    long unchanged,
    long pages,
    long resumedAt,
    Duration elapsed,
    boolean complete) {

  /** Contacts walked by this run alone: what a rate is computed from. */
  public long walkedThisRun() {
    return walked - resumedAt;
  }
}
