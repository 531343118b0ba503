package io.ghlcredly.app;

import io.ghlcredly.app.config.ServerConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The name an instance goes by when several share one database: {@code server.instance-name}, or
 * the host name and process id (two instances on one host differ by pid). It marks the jobs an
 * instance runs ({@code picked_by} in {@code scheduled_tasks}) and every JSON log line.
 */
final class InstanceName {
  private static final int MAX_LENGTH = 64;

  private InstanceName() {}

  static String of(ServerConfig server) {
    String configured = server.instanceName();
    return configured != null ? configured : hostAndPid();
  }

  private static String hostAndPid() {
    String pid = "-" + ProcessHandle.current().pid();
    String host = hostName().replaceAll("[^A-Za-z0-9._-]", "-");
    if (host.length() + pid.length() > MAX_LENGTH) {
      host = host.substring(0, MAX_LENGTH - pid.length());
    }
    return host + pid;
  }

  private static String hostName() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip().toLowerCase(Locale.ROOT);
    }
    try {
      return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
