package io.ghlcredly.ghl;

import io.ghlcredly.http.ApiRequest;
import io.ghlcredly.http.RatePriority;
import io.ghlcredly.http.RequestGate;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** A gate that lets every call through and records whose budget it spends, at what priority. */
final class RecordingGate implements RequestGate {
  private final List<Spend> spends = new CopyOnWriteArrayList<>();

  /** A client of the emulator whose calls pass this gate. */
  static GhlClient client(GhlSettings settings, RecordingGate gate) {
    String authorization = "Bearer " + settings.accessToken().reveal();
    return GhlClient.create(settings, () -> authorization, GrantedScopes.all(), gate);
  }

  @Override
  public void beforeSend(String connector, ApiRequest request) {
    spends.add(new Spend(request.rateKey(), request.priority()));
  }

  @Override
  public void afterResponse(ApiRequest request, int status, HttpHeaders headers) {}

  List<Spend> spends() {
    return List.copyOf(spends);
  }

  record Spend(@Nullable String rateKey, RatePriority priority) {}
}
