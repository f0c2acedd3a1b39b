#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make fresh-check: prove that the README's two commands work on a fresh
# Debian bookworm machine.  Builds a clean bookworm root with debootstrap
# from the Debian registry, clones this repository's HEAD into it, and runs
# "make demo" then "make check" there (chroot with /proc, /sys and /dev
# mounted), printing each command's time.  Needs root.  Not part of
# "make check": it takes as long as a cold run.
#
#   OTP_FRESH_ROOT   where the root goes (default ~/.cache/otp-fresh/root;
#                    wiped first)
#   OTP_FRESH_MIRROR Debian mirror (default http://deb.debian.org/debian)
#   OTP_FRESH_CMDS   the commands, comma-separated (default
#                    "make demo,make check"; "make check" alone is what CI
#                    runs: its cold time)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
root=${OTP_FRESH_ROOT:-$HOME/.cache/otp-fresh/root}
mirror=${OTP_FRESH_MIRROR:-http://deb.debian.org/debian}
log=${OTP_FRESH_LOG:-$top/build/fresh-check.log}

[ "$(id -u)" -eq 0 ] || { echo "fresh-check: run as root (debootstrap, chroot, mounts)" >&2; exit 2; }
command -v debootstrap >/dev/null 2>&1 || {
	echo "fresh-check: installing debootstrap"
	apt-get install -y -qq --no-install-recommends debootstrap >/dev/null ||
		{ apt-get update -qq || true; apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; }
}

mounted=
cleanup() {
	for m in $mounted; do
		umount -l "$root$m" 2>/dev/null || true
	done
}
trap cleanup EXIT INT TERM

mkdir -p "$(dirname "$log")"
echo "fresh-check: log in $log"
: > "$log"
cleanup
rm -rf "$root"
mkdir -p "$root"

t0=$(date +%s)
# The base system of a Debian install, plus make and git: the README's
# commands start with make, in a clone made with git.  Everything else must
# come from scripts/setup.sh.
echo "fresh-check: debootstrap bookworm ($mirror)"
debootstrap --include=make,git bookworm "$root" "$mirror" >>"$log" 2>&1 ||
	{ tail -n 20 "$log"; echo "fresh-check: debootstrap failed" >&2; exit 1; }
cat > "$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"
# A company network or proxy may intercept TLS with a CA that only the
# host has been told to trust.  That is a property of the network, not of
# the machine under test, so the host's bundle is handed to pip in the
# chroot (PIP_CERT below); on an open network it changes nothing.  A
# network that lets traffic out only through a proxy needs it named in
# the commands, which run with a clean environment (env -i below):
# OTP_FRESH_CMDS="http_proxy=http://proxy:3128 https_proxy=http://proxy:3128 make check".
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/otp-host-ca.crt" 2>/dev/null || true
echo "fresh-check: base system in $(( $(date +%s) - t0 ))s"

# A fresh clone of what is committed, as CI gets it.
git clone -q --no-local "$top" "$root/root/otp"

for m in /proc /sys /dev /dev/pts; do
	mkdir -p "$root$m"
	case $m in
	/proc) mount -t proc proc "$root$m" ;;
	/sys) mount -t sysfs sysfs "$root$m" ;;
	*) mount --bind "$m" "$root$m" ;;
	esac
	mounted="$m $mounted"
done

rc=0
IFS=,
set -- ${OTP_FRESH_CMDS:-make demo,make check}
unset IFS
for cmd in "$@"; do
	echo "fresh-check: # $cmd"
	t=$(date +%s)
	if chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb \
		PIP_CERT=/etc/otp-host-ca.crt \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		sh -c "cd /root/otp && $cmd" >>"$log" 2>&1; then
		res=ok
	else
		res="FAILED (exit $?)"
		rc=1
	fi
	echo "fresh-check: $cmd: $res in $(( $(date +%s) - t ))s"
	tail -n 3 "$log" | sed 's/^/    /'
	[ $rc -eq 0 ] || break
done
echo "fresh-check: total $(( $(date +%s) - t0 ))s"
exit $rc
