#!/usr/bin/env bash
# Builds a release of ghl-credly-sync on a build machine (JDK 21+, Maven 3.8.7+): the runnable jar,
# the launcher and bin/, the systemd unit, the installer and the example configuration, in
#   target/release/ghl-credly-sync-<version>/   and   target/ghl-credly-sync-<version>.tar.gz
# Copy the tarball to the production host, unpack it and run deploy/install.sh there: the host
# needs a Java 21+ runtime only, and nothing is ever built on it.
# Usage (from the repository): deploy/build-release.sh [--skip-tests]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java_home="$("$root/bin/find-jdk")"
goal=verify
if [ "${1:-}" = "--skip-tests" ]; then
  goal="package -DskipTests"
fi
# shellcheck disable=SC2086 # goal holds a goal and its options
(cd "$root" && JAVA_HOME="$java_home" mvn -B -q $goal -pl app -am)
jar="$root/app/target/ghl-credly.jar"
version="$("$java_home/bin/java" -jar "$jar" --version | awk '{print $NF}')"
name="ghl-credly-sync-$version"
release="$root/target/release/$name"
rm -rf "$release"
mkdir -p "$release/bin" "$release/lib" "$release/deploy"
install -m 755 "$root/ghl-credly" "$release/ghl-credly"
install -m 755 "$root/bin/find-jdk" "$release/bin/find-jdk"
install -m 644 "$root/bin/jvm-options" "$release/bin/jvm-options"
install -m 644 "$jar" "$release/lib/ghl-credly.jar"
install -m 755 "$root/deploy/install.sh" "$release/deploy/install.sh"
install -m 644 "$root/deploy/ghl-credly.service" "$root/deploy/ghl-credly.example.yaml" \
  "$release/deploy/"
install -m 644 "$root/README.md" "$release/README.md"
tar -C "$root/target/release" -czf "$root/target/$name.tar.gz" "$name"
echo "release: $root/target/$name.tar.gz"
