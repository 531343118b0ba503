package io.ghlcredly.testkit.ghl;

import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.EmulatorServer;
import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A stand-in for the app's webhook endpoint: answers queued statuses, then 200. */
final class WebhookReceiver implements AutoCloseable {
  private final EmulatorServer server = new EmulatorServer(0, "");
  private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

  WebhookReceiver() {
    server.route(
        "POST",
        "/hooks/ghl",
        request -> {
          Integer status = statuses.poll();
          return EmulatorResponse.json(status == null ? 200 : status, "");
        });
    server.start();
  }

  URI url() {
    return URI.create(server.baseUrl() + "/hooks/ghl");
  }

  void answerNext(int... codes) {
    for (int code : codes) {
      statuses.add(code);
    }
  }

  List<EmulatorRequest> received() {
    return server.requests();
  }

  @Override
  public void close() {
    server.close();
  }
}
