package io.ghlcredly.web.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Caps the requests handled at once and answers the rest 429 with {@code Retry-After} at once: GHL
 * resends a webhook only after a 429, so under overload an answer matters more than a queue.
 * Liveness probes pass uncounted, so an overloaded service is not restarted for being busy. Also
 * tells the {@link HeaderDeadline} when a connection's request head is complete. Thread-safe.
 */
public final class InFlightLimit extends Handler.Wrapper {
  private static final ByteBuffer BUSY =
      ByteBuffer.wrap(
          "{\"error\":\"too many requests at once, retry in a second\"}"
              .getBytes(StandardCharsets.UTF_8));

  private final Semaphore permits;
  private final HeaderDeadline deadline;

  public InFlightLimit(int maxConcurrentRequests, HeaderDeadline deadline) {
    this.permits = new Semaphore(maxConcurrentRequests);
    this.deadline = deadline;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    var connection = request.getConnectionMetaData().getConnection();
    deadline.requestStarted(connection);
    Callback done = then(callback, () -> deadline.requestEnded(connection));
    if (request.getHttpURI().getPath().startsWith("/health/live")) {
      return super.handle(request, response, done);
    }
    if (!permits.tryAcquire()) {
      response.setStatus(429);
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
      response.write(true, BUSY.slice(), done);
      return true;
    }
    Callback released = then(done, permits::release);
    try {
      boolean handled = super.handle(request, response, released);
      if (!handled) {
        permits.release();
      }
      return handled;
    } catch (Exception | Error e) {
      permits.release();
      throw e;
    }
  }

  /** {@code callback}, with {@code first} run before it completes either way. */
  private static Callback then(Callback callback, Runnable first) {
    return Callback.from(
        () -> {
          first.run();
          callback.succeeded();
        },
        failure -> {
          first.run();
          callback.failed(failure);
        });
  }
}
