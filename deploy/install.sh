#!/usr/bin/env bash
# Installs a built release of ghl-credly-sync as the systemd service deploy/ghl-credly.service.
# Run as root from an unpacked release (made by deploy/build-release.sh on a build machine):
#   tar xzf ghl-credly-sync-<version>.tar.gz && sudo ghl-credly-sync-<version>/deploy/install.sh
# It copies the launcher, bin/ and lib/ghl-credly.jar to /opt/ghl-credly (GCS_PREFIX overrides),
# creates the ghl-credly user, /etc/ghl-credly (configuration and secrets, kept when present) and
# the unit, then reloads systemd. It never builds: a source checkout (no lib/ghl-credly.jar) is
# refused. Running it again upgrades the program and keeps the configuration and data.
set -euo pipefail
release="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="${GCS_PREFIX:-/opt/ghl-credly}"
config_dir=/etc/ghl-credly
unit=/etc/systemd/system/ghl-credly.service

if [ ! -f "$release/lib/ghl-credly.jar" ]; then
  echo "no lib/ghl-credly.jar in $release: install a release made by deploy/build-release.sh," \
    "not a source checkout (nothing is built on this host)" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "run as root (sudo $0)" >&2
  exit 1
fi
"$release/bin/find-jdk" --runtime >/dev/null   # says what is missing when there is no Java 21+

id ghl-credly >/dev/null 2>&1 ||
  useradd --system --home-dir /var/lib/ghl-credly --shell /usr/sbin/nologin ghl-credly
install -d -m 755 "$prefix" "$prefix/bin" "$prefix/lib"
install -m 755 "$release/ghl-credly" "$prefix/ghl-credly"
install -m 755 "$release/bin/find-jdk" "$prefix/bin/find-jdk"
install -m 644 "$release/bin/jvm-options" "$prefix/bin/jvm-options"
install -m 644 "$release/lib/ghl-credly.jar" "$prefix/lib/ghl-credly.jar"
install -d -m 750 -o root -g ghl-credly "$config_dir"
if [ ! -f "$config_dir/ghl-credly.yaml" ]; then
  install -m 640 -o root -g ghl-credly "$release/deploy/ghl-credly.example.yaml" \
    "$config_dir/ghl-credly.yaml"
fi
if [ ! -f "$config_dir/ghl-credly.env" ]; then
  # The secrets, NAME=value per line; readable by the service user for operator commands.
  install -m 640 -o root -g ghl-credly /dev/null "$config_dir/ghl-credly.env"
fi
install -m 644 "$release/deploy/ghl-credly.service" "$unit"
systemctl daemon-reload
cat <<DONE
installed $("$prefix/ghl-credly" --version) in $prefix
next:
  edit $config_dir/ghl-credly.yaml (the example is for docker compose: point storage.url and
    secrets.key-file at /var/lib/ghl-credly) and $config_dir/ghl-credly.env (the secrets)
  $prefix/ghl-credly config check $config_dir/ghl-credly.yaml
  systemctl enable --now ghl-credly      (after an upgrade: systemctl restart ghl-credly)
DONE
