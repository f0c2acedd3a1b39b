#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Install what the bench and every gate of make check need on a Debian
# machine (bookworm), idempotently.
#
# A package index that fails to refresh (a mirror caught mid-sync) is
# reported and set-up goes on: only a package that really cannot be
# installed is fatal.  The system's apt is given no foreign architecture
# (see the busybox step).
set -eu

# What each group is for:
#   kernels     linux-source-*, the kernel build tools, ccache
#   QEMU bench  qemu-system-arm, cpio, dtc; busybox-static for each guest arch
#               is fetched and unpacked into the cache (below)
#   gates       sparse, clang/llvm/lld (W=1 clang), coccinelle and the OCaml
#               compiler its scripted semantic patches need (spatch
#               --ocaml-scripting; without ocamlopt coccicheck stops with
#               "No OCaml compiler found!"), python3 for dtschema and kunit.py,
#               python3-dev and swig for dtschema's pylibfdt, which pip
#               builds from source (Debian's python3-libfdt is not
#               registered under that name)
#   bench       libc6-dev-arm64-cross, libc6-dev-armhf-cross (the static
#               pread timer of the arm64 and arm guests)
#   packaging   dkms
#   otp tool    busybox (the host test runs scripts/otp under busybox sh)
pkgs="linux-source-6.1 linux-source-6.12 qemu-system-arm gcc-aarch64-linux-gnu
gcc-arm-linux-gnueabihf libc6-dev-arm64-cross libc6-dev-armhf-cross
device-tree-compiler sparse ccache coccinelle ocaml-nox ocaml-findlib dkms clang
llvm lld make gcc libc6-dev flex bison bc libssl-dev libelf-dev cpio kmod rsync
xz-utils file python3 python3-pip python3-dev swig perl gawk busybox"

sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo

missing() {
	m=
	for p in $pkgs; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			m="$m $p"
	done
	echo "$m"
}

# apt-get update, retried once; an index error is a warning, not a failure.
refresh() {
	for try in 1 2; do
		if $sudo apt-get update -qq 2>"${TMPDIR:-/tmp}/otp-apt-update.err"; then
			return 0
		fi
		echo "setup: apt-get update reported errors (try $try of 2):" >&2
		sed 's/^/setup:   /' "${TMPDIR:-/tmp}/otp-apt-update.err" >&2
		[ "$try" -eq 1 ] && sleep 5
	done
	echo "setup: carrying on with the indexes apt could read" >&2
}

need=$(missing)
if [ -n "$need" ]; then
	echo "setup: installing$need"
	refresh
	# shellcheck disable=SC2086
	if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
		--no-install-recommends $need >/dev/null; then
		# Install one by one to name exactly what cannot be had.
		for p in $need; do
			DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
				--no-install-recommends "$p" >/dev/null 2>&1 || true
		done
		left=$(missing)
		if [ -n "$left" ]; then
			echo "setup: cannot install:$left" >&2
			echo "setup: check the apt sources (bookworm with bookworm-updates and bookworm-security) and rerun" >&2
			exit 1
		fi
	fi
fi

# Guest busybox per arch, unpacked under the cache (not installed: the
# packages of the two arches conflict with each other and with the host's).
# It comes through a private apt state that knows only Debian's main suite
# for arm64 and armhf: the system's apt gets no foreign architecture, so a
# foreign index caught mid-sync (which makes apt drop the whole suite,
# bookworm-security with linux-source-6.12 included) cannot break set-up.
bbdir=${OTP_CACHE:-$HOME/.cache/otp-kernels}/busybox
mirror=$(grep -hsoE 'https?://[^ ]*/debian/?( |$)' /etc/apt/sources.list \
	/etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources |
	head -n1 | tr -d ' ')
mirror=${mirror:-http://deb.debian.org/debian}
priv="$bbdir/apt"
papt() {
	apt-get -q -o Dir::State::Lists="$priv/lists" -o Dir::Cache="$priv/cache" \
		-o Dir::Etc::SourceList="$priv/sources.list" -o Dir::Etc::SourceParts=- \
		-o APT::Architectures::=arm64 -o APT::Architectures::=armhf \
		-o Debug::NoLocking=1 "$@"
}
for a in arm64 armhf; do
	[ -x "$bbdir/$a/bin/busybox" ] && continue
	echo "setup: fetching busybox-static:$a from $mirror"
	mkdir -p "$priv/lists/partial" "$priv/cache/archives/partial" "$bbdir/dl-$a"
	echo "deb $mirror bookworm main" > "$priv/sources.list"
	if [ ! -f "$priv/updated" ]; then
		papt update >/dev/null 2>&1 || papt update >/dev/null || true
		touch "$priv/updated"
	fi
	(cd "$bbdir/dl-$a" && papt download "busybox-static:$a" >/dev/null 2>&1) || {
		rm -f "$priv/updated"
		echo "setup: cannot download busybox-static:$a from $mirror; rerun when the mirror answers" >&2
		exit 1
	}
	rm -rf "$bbdir/$a"
	dpkg-deb -x "$bbdir/dl-$a"/busybox-static_*.deb "$bbdir/$a"
	rm -rf "$bbdir/dl-$a"
done

# The newest kernel's sources, Debian's linux-source-7.2 from the sid
# suite, through a second private apt state that knows only sid's main
# suite (the system's apt stays bookworm-only).  The package is not
# installed: its tarball is unpacked under the cache, where
# scripts/build-kernel.sh finds it, with the package's version beside it.
sid="${OTP_CACHE:-$HOME/.cache/otp-kernels}/sid"
for v in ${OTP_SID_KERNELS:-7.2}; do
	[ -f "$sid/linux-source-$v.version" ] &&
		[ -f "$sid/usr/src/linux-source-$v.tar.xz" ] && continue
	echo "setup: fetching linux-source-$v from $mirror (sid)"
	sapt() {
		apt-get -q -o Dir::State::Lists="$sid/apt/lists" \
			-o Dir::Cache="$sid/apt/cache" \
			-o Dir::Etc::SourceList="$sid/apt/sources.list" \
			-o Dir::Etc::SourceParts=- -o Debug::NoLocking=1 "$@"
	}
	mkdir -p "$sid/apt/lists/partial" "$sid/apt/cache/archives/partial" "$sid/dl"
	echo "deb $mirror sid main" > "$sid/apt/sources.list"
	# A mirror in sync may fail one index; what could be read is enough
	# when the package itself downloads.
	sapt update >/dev/null 2>&1 || sapt update >/dev/null 2>&1 || true
	rm -f "$sid"/dl/*.deb
	(cd "$sid/dl" && sapt download "linux-source-$v" >/dev/null 2>&1) || {
		echo "setup: cannot download linux-source-$v from $mirror (sid); rerun when the mirror answers" >&2
		exit 1
	}
	deb=$(ls "$sid"/dl/linux-source-"$v"_*.deb)
	dpkg-deb -x "$deb" "$sid"
	dpkg-deb -f "$deb" Version > "$sid/linux-source-$v.version"
	rm -f "$deb"
done

# dtschema (dt-doc-validate, dt-validate) from PyPI, for the binding gate.
if ! command -v dt-validate >/dev/null 2>&1; then
	echo "setup: installing dtschema from PyPI"
	python3 -m pip install -q dtschema 2>/dev/null ||
		python3 -m pip install -q --break-system-packages dtschema
fi
