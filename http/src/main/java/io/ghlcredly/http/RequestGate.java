package io.ghlcredly.http;

import java.net.http.HttpHeaders;

/**
 * Consulted by {@link HttpTransport} around every send, such as a rate limiter that waits for
 * budget before a request and reads the provider's rate-limit headers after it. Implementations
 * must be thread-safe.
 */
public interface RequestGate {
  /** A gate that lets everything through and ignores responses. */
  RequestGate OPEN =
      new RequestGate() {
        @Override
        public void beforeSend(String connector, ApiRequest request) {}

        @Override
        public void afterResponse(ApiRequest request, int status, HttpHeaders headers) {}
      };

  /**
   * Called before the request is sent; may block.
   *
   * @throws io.ghlcredly.core.error.ApiException to refuse the request (it is then not sent)
   */
  void beforeSend(String connector, ApiRequest request);

  /** Called with every response that arrived, 2xx or not, before it is mapped. */
  void afterResponse(ApiRequest request, int status, HttpHeaders headers);
}
