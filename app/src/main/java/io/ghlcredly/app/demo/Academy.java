package io.ghlcredly.app.demo;

import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyOrganization;

/**
 * One academy of the demo's agency: a workspace with its own GHL location, its own Credly
 * organization and template, and its own rule on {@link DemoEnvironment#TAG}.
 *
 * @param workspace the workspace id, such as {@code north}
 * @param name the workspace's and the GHL location's name, such as {@code North Academy}
 * @param location the GHL location id
 * @param organization the academy's Credly organization in the emulator
 * @param template the badge its rule issues
 * @param rule the id of its rule
 */
public record Academy(
    String workspace,
    String name,
    String location,
    CredlyOrganization organization,
    BadgeTemplate template,
    String rule) {

  /** The owner-only file beside the configuration that holds the organization's token. */
  String tokenFile() {
    return "credly-token-" + workspace;
  }
}
