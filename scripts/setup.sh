#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Install what the bench needs on a Debian machine (bookworm), idempotently.
set -eu

pkgs="linux-source-6.1 linux-source-6.12 qemu-system-arm gcc-aarch64-linux-gnu
gcc-arm-linux-gnueabihf busybox-static:arm64 device-tree-compiler sparse ccache
coccinelle dkms clang llvm lld make flex bison bc libssl-dev libelf-dev cpio kmod
rsync xz-utils file python3 python3-pip perl gawk"

missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done

if [ -n "$missing" ]; then
	sudo=
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	echo "setup: installing$missing"
	dpkg --print-foreign-architectures | grep -qx arm64 || $sudo dpkg --add-architecture arm64
	$sudo apt-get update -qq
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# dtschema (dt-doc-validate, dt-validate) from PyPI, for the binding gate.
if ! command -v dt-validate >/dev/null 2>&1; then
	echo "setup: installing dtschema from PyPI"
	python3 -m pip install -q dtschema 2>/dev/null ||
		python3 -m pip install -q --break-system-packages dtschema
fi
