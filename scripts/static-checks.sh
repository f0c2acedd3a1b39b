#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Static gates of make check, one per call:
#   scripts/static-checks.sh checkpatch|kernel-doc|sparse|w1-gcc|w1-clang|coccicheck|arm32
# Exit 0 when clean; any diagnostic in our own sources fails the gate.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
ksrc=${OTP_CACHE:-$HOME/.cache/otp-kernels}/src/linux-source-6.12
# Our sources: what git tracks or would track (no build products).
lsrc() {
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git ls-files -co --exclude-standard -- "$@"
	else
		# Not a git checkout (a tarball, or no git): every match on disk.
		for p in "$@"; do
			# shellcheck disable=SC2086 # the pattern is meant to expand
			ls -d $p 2>/dev/null
		done
	fi
}
srcs=$(lsrc 'drivers/*.c' 'drivers/*.h' 'drivers/*/*.c' 'drivers/*/*.h' 'kunit/*.c' 'kunit/*.h' \
	'kunit/*/*.c' 'kunit/*/*.h' 'tests/modules/*.c')
dtsrcs=$(lsrc 'kunit/*/*.dtso' 'tests/dt/*.dtsi')
# The bench firmware is freestanding C, not kernel code: no readl() or BIT()
# to use, and it defines its own __noreturn.
fwsrcs=$(lsrc 'tests/firmware/*.c' 'tests/firmware/*.h')
fwignore=VOLATILE,BIT_MACRO,PREFER_DEFINED_ATTRIBUTE_MACRO
out=$top/build/static

tree() {	# tree ARCH KIND [VERSION] -> kernel build dir (cached)
	scripts/build-kernel.sh "${3:-6.12}" "$1" "$2" | tail -n1
}

# Build in a scratch copy and fail on any diagnostic about our files.
build_clean() {	# build_clean NAME KDIR ARCH make-args...
	name=$1 kdir=$2 arch=$3
	shift 3
	rm -rf "$out/$name"
	log=$out/$name.log
	mkdir -p "$out"
	if ! scripts/build-modules.sh "$kdir" "$arch" "$out/$name" "$@" >"$log" 2>&1; then
		cat "$log"
		echo "static-checks: $name: build failed"
		return 1
	fi
	if grep -E '(drivers|kunit|tests/modules)/[^ ]*:[0-9]+:([0-9]+:)? (warning|error)' "$log"; then
		echo "static-checks: $name: diagnostics above"
		return 1
	fi
	echo "static-checks: $name clean"
}

case ${1:-} in
checkpatch)
	rc=0
	for f in $srcs $dtsrcs; do
		res=$(perl "$ksrc/scripts/checkpatch.pl" --strict --no-tree --terse \
			--show-types -f "$f" 2>&1) || true
		if echo "$res" | grep -qE ': (ERROR|WARNING|CHECK):'; then
			echo "$res"
			rc=1
		fi
	done
	for f in $fwsrcs; do
		res=$(perl "$ksrc/scripts/checkpatch.pl" --strict --no-tree --terse \
			--show-types --ignore "$fwignore" -f "$f" 2>&1) || true
		if echo "$res" | grep -qE ': (ERROR|WARNING|CHECK):'; then
			echo "$res"
			rc=1
		fi
	done
	[ $rc -eq 0 ] && echo "checkpatch --strict: clean ($(echo $srcs $dtsrcs $fwsrcs | wc -w) files)"
	exit $rc
	;;
kernel-doc)
	res=$(perl "$ksrc/scripts/kernel-doc" -none -Wall $srcs 2>&1)
	if [ -n "$res" ]; then
		echo "$res"
		exit 1
	fi
	echo "kernel-doc: clean"
	;;
sparse)
	# The kernel's own sparse flags (C=2: every file, rebuilt or not).
	build_clean sparse "$(tree arm64 test)" arm64 C=2
	;;
w1-gcc)
	build_clean w1-gcc "$(tree arm64 test)" arm64 W=1
	;;
w1-clang)
	build_clean w1-clang "$(tree arm64 clang)" arm64 W=1 KBUILD_MODPOST_WARN=1
	;;
coccicheck)
	kdir=$(tree arm64 test)
	rm -rf "$out/cocci"
	mkdir -p "$out/cocci"
	mkdir -p "$out/cocci/tests"
	cp -r drivers kunit Kbuild "$out/cocci/"
	cp -r tests/modules "$out/cocci/tests/"
	log=$out/coccicheck.log
	make -C "$kdir" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- M="$out/cocci" OTP_TESTS=1 \
		MODE=report J="$(nproc)" coccicheck >"$log" 2>&1 || { cat "$log"; exit 1; }
	if grep -E '^[^ ]*(drivers|kunit|tests/modules)/[^ ]*:[0-9]+:' "$log"; then
		echo "static-checks: coccicheck: reports above"
		exit 1
	fi
	echo "static-checks: coccicheck clean ($(grep -c 'spatch -D' "$log" || true) semantic patches run)"
	;;
arm32)
	# The newest kernel's multi_v7 tree (7.2): 6.1 and 6.12 ARM are
	# built for their QEMU boots.
	build_clean arm32 "$(tree arm prep 7.2)" arm W=1 KBUILD_MODPOST_WARN=1
	;;
*)
	echo "usage: $0 checkpatch|kernel-doc|sparse|w1-gcc|w1-clang|coccicheck|arm32" >&2
	exit 2
	;;
esac
