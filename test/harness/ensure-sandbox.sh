#!/usr/bin/env bash
# Idempotent: installs bubblewrap (the Linux sandbox `countersign sandbox` uses) when it is missing, so the
# sandbox tests run for real in CI. Nothing to do when bwrap is already there, or off Linux.
set -euo pipefail
[ "$(uname -s)" = Linux ] || exit 0
for p in /usr/bin/bwrap /usr/local/bin/bwrap /bin/bwrap; do [ -x "$p" ] && exit 0; done
command -v apt-get >/dev/null || { echo "[ensure-sandbox] bubblewrap missing and no apt-get: install it with your package manager" >&2; exit 1; }
echo "[ensure-sandbox] apt-get install bubblewrap" >&2
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq bubblewrap >/dev/null
