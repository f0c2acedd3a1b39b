#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Debian's LAVA dispatcher (lava-run, lava_common's job schema), for make
# lava-check and make lava-jobs; u-boot-tools for mkimage, which lava-run
# --validate of the u-boot board jobs looks for (scripts/lava-validate.sh).
# Idempotent: nothing to do when it is installed.  A failing "apt-get
# update" (a mirror's index being synced, no network for a moment) is only a
# warning: the install is tried with the index there is, and only its
# failure fails.
set -eu
installed() {
	dpkg-query -W -f '${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}
if installed lava-dispatcher && installed qemu-system-arm && installed u-boot-tools &&
	[ -x /usr/bin/lava-run ]; then
	exit 0
fi
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update || echo "lava-setup: apt-get update failed; trying the install with the current index" >&2
$sudo apt-get install -y --no-install-recommends lava-dispatcher qemu-system-arm \
	u-boot-tools
