package io.ghlcredly.http.catalog;

/** An action bound to a configured client: describe it, or invoke it with arguments. */
public interface Operation {
  OperationSpec spec();

  /**
   * Sends the request and returns the provider's JSON response body.
   *
   * @throws IllegalArgumentException when a required parameter or body is missing (names it)
   * @throws io.ghlcredly.core.error.ApiException when the provider refuses or cannot answer
   */
  String invoke(OperationCall call);
}
