package io.ghlcredly.bench.sync;

import io.ghlcredly.testkit.server.EmulatorRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the emulators received: contact reads in GHL, badge issue calls in Credly. */
final class Upstream {
  private static final Pattern CONTACT_READ = Pattern.compile("/contacts/([^/]+)/?");
  private static final Pattern EARNER =
      Pattern.compile("\"issuer_earner_id\"\\s*:\\s*\"([^\"]+)\"");

  private Upstream() {}

  static boolean isIssue(EmulatorRequest request) {
    return request.method().equals("POST") && request.path().endsWith("/badges");
  }

  /** GHL {@code GET /contacts/{id}} reads per contact id. */
  static Map<String, Integer> contactReads(List<EmulatorRequest> ghlRequests) {
    Map<String, Integer> reads = new HashMap<>();
    for (EmulatorRequest request : ghlRequests) {
      if (!request.method().equals("GET")) {
        continue;
      }
      Matcher matcher = CONTACT_READ.matcher(request.path());
      if (matcher.matches() && !matcher.group(1).equals("search")) {
        reads.merge(matcher.group(1), 1, Integer::sum);
      }
    }
    return reads;
  }

  /** When the first issue call for each contact (Credly's issuer_earner_id) arrived. */
  static Map<String, Instant> firstIssues(List<EmulatorRequest> credlyRequests) {
    Map<String, Instant> first = new HashMap<>();
    for (EmulatorRequest request : credlyRequests) {
      if (!isIssue(request)) {
        continue;
      }
      Matcher matcher = EARNER.matcher(request.body());
      if (matcher.find()) {
        first.merge(matcher.group(1), request.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    return first;
  }

  /** Issue calls per contact. */
  static Map<String, Integer> issueCalls(List<EmulatorRequest> credlyRequests) {
    Map<String, Integer> calls = new HashMap<>();
    for (EmulatorRequest request : credlyRequests) {
      if (isIssue(request)) {
        Matcher matcher = EARNER.matcher(request.body());
        if (matcher.find()) {
          calls.merge(matcher.group(1), 1, Integer::sum);
        }
      }
    }
    return calls;
  }
}
