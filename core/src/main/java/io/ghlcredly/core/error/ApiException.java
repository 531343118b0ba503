package io.ghlcredly.core.error;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A remote API call failed. Carries what an operator needs to understand the failure (connector,
 * method, path, status, the provider's message) and what the retry logic needs ({@link #kind()},
 * {@link #retryAfter()}). The body excerpt is truncated and must already be redacted.
 */
public final class ApiException extends SyncException {
  /** How a failure should be treated. */
  public enum Kind {
    /** I/O, timeout, 5xx, 429: try again later. */
    TRANSIENT,
    /** 401: credentials rejected. */
    UNAUTHORIZED,
    /** Any other 4xx: will not succeed by retrying. */
    PERMANENT,
    /** The thing already exists ("already issued"): success for idempotent creates. */
    CONFLICT
  }

  private final String connector;
  private final String method;
  private final String path;
  private final int status;
  private final Kind kind;
  private final @Nullable String providerMessage;
  private final @Nullable Duration retryAfter;

  public ApiException(
      String connector,
      String method,
      String path,
      int status,
      Kind kind,
      @Nullable String providerMessage,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(describe(connector, method, path, status, providerMessage), cause);
    this.connector = connector;
    this.method = method;
    this.path = path;
    this.status = status;
    this.kind = kind;
    this.providerMessage = providerMessage;
    this.retryAfter = retryAfter;
  }

  private static String describe(
      String connector, String method, String path, int status, @Nullable String message) {
    String statusText = status == 0 ? "no response" : "HTTP " + status;
    return connector
        + " "
        + method
        + " "
        + path
        + " failed: "
        + statusText
        + (message == null ? "" : ": " + message);
  }

  public String connector() {
    return connector;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** HTTP status, or 0 when no response arrived (timeout, connection reset). */
  public int status() {
    return status;
  }

  public Kind kind() {
    return kind;
  }

  public Optional<String> providerMessage() {
    return Optional.ofNullable(providerMessage);
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** True when the request may have reached the provider but no answer came back. */
  public boolean outcomeUnknown() {
    return status == 0 || status >= 500;
  }
}
