package io.ghlcredly.app.cli;

import io.ghlcredly.app.operations.ImportRun;
import io.ghlcredly.app.remote.ServiceClient.ImportStatus;
import io.ghlcredly.core.sync.ImportProgress;
import org.jspecify.annotations.Nullable;

/**
 * Turns a service's import, polled now and then, into the listener calls a run in this process
 * makes, so that both show the same. Polls skip pages; what the display shows at the end is the
 * same. Not thread-safe.
 */
final class ServiceImportFeed {
  private final ImportRun.Listener listener;
  private boolean started;
  private @Nullable ImportProgress lastPage;
  private long lastApplied = -1;

  ServiceImportFeed(ImportRun.Listener listener) {
    this.listener = listener;
  }

  void accept(ImportStatus status) {
    ImportProgress first = status.started();
    if (!started && first != null) {
      listener.started(first);
      started = true;
    }
    ImportProgress page = status.progress();
    if (started && page != null && !samePage(page, lastPage)) {
      listener.pageDone(page);
      lastPage = page;
    }
    if (status.applyStarted() && status.applied() != lastApplied) {
      listener.applying(status.applied(), status.toApply());
      lastApplied = status.applied();
    }
  }

  private static boolean samePage(ImportProgress page, @Nullable ImportProgress last) {
    return last != null
        && last.pages() == page.pages()
        && last.walked() == page.walked()
        && last.complete() == page.complete();
  }
}
