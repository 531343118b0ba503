package io.ghlcredly.app.config;

import io.ghlcredly.core.model.Secret;
import java.net.URI;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The embedded HTTP server (YAML {@code server:}).
 *
 * @param port listening port; 0 picks a free port (tests), the YAML file requires 1 to 65535
 * @param host the address the server binds: {@code 0.0.0.0} (every interface) by default, {@code
 *     127.0.0.1} to take requests from this machine only
 * @param managementPort when set, the admin API, the dashboard and the metrics are served on this
 *     port instead of {@code port} (which then serves webhooks, OAuth and health only); null to
 *     serve everything on {@code port}
 * @param publicUrl where GHL and Credly reach this service: webhook and OAuth redirect base; null
 *     when not set (then OAuth installs cannot work, so the loader requires it for {@code
 *     ghl.auth.mode: oauth})
 * @param adminToken bearer token for the admin API and dashboard; null disables them
 * @param maxWebhookBytes larger webhook bodies are refused before they are read
 * @param instanceName this instance's name in logs and in the job queue (which instance runs a
 *     job); null for the host name and process id
 */
public record ServerConfig(
    int port,
    String host,
    @Nullable Integer managementPort,
    @Nullable URI publicUrl,
    @Nullable Secret adminToken,
    long maxWebhookBytes,
    @Nullable String instanceName) {
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final long DEFAULT_MAX_WEBHOOK_BYTES = 1024L * 1024L;

  /** What an instance name may be: it lands in log fields and a database column. */
  public static final Pattern INSTANCE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public ServerConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535");
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (managementPort != null && (managementPort < 0 || managementPort > 65_535)) {
      throw new IllegalArgumentException("management-port must be between 0 and 65535");
    }
    if (managementPort != null && managementPort != 0 && managementPort == port) {
      throw new IllegalArgumentException("management-port must differ from port");
    }
    if (publicUrl != null && !Uris.isAbsoluteHttp(publicUrl)) {
      throw new IllegalArgumentException("public-url must be an absolute http(s) URL");
    }
    if (maxWebhookBytes < 1) {
      throw new IllegalArgumentException("max-webhook-bytes must be positive");
    }
    if (instanceName != null && !INSTANCE_NAME.matcher(instanceName).matches()) {
      throw new IllegalArgumentException("instance-name must be 1 to 64 of [A-Za-z0-9._-]");
    }
  }

  /** On every interface, with no management port. */
  public ServerConfig(
      int port,
      @Nullable URI publicUrl,
      @Nullable Secret adminToken,
      long maxWebhookBytes,
      @Nullable String instanceName) {
    this(port, DEFAULT_HOST, null, publicUrl, adminToken, maxWebhookBytes, instanceName);
  }

  /** Without an instance name (host name and process id are used). */
  public ServerConfig(
      int port, @Nullable URI publicUrl, @Nullable Secret adminToken, long maxWebhookBytes) {
    this(port, publicUrl, adminToken, maxWebhookBytes, null);
  }

  /**
   * Where browsers reach the service's pages (links sent to operators): the public URL, else this
   * host's admin port.
   */
  public URI browserUrl() {
    return publicUrl != null ? publicUrl : URI.create("http://localhost:" + adminPort());
  }

  /** The port of the admin API, dashboard and metrics: the management port when set. */
  public int adminPort() {
    return managementPort != null ? managementPort : port;
  }

  /** Port 8080 on every interface, no public URL, no admin token, 1 MiB webhook bodies. */
  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_PORT, null, null, DEFAULT_MAX_WEBHOOK_BYTES);
  }
}
