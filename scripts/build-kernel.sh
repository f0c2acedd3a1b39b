#!/bin/sh
# Build (or reuse) a kernel tree for the OTP modules.
#
# usage: scripts/build-kernel.sh VERSION ARCH KIND
#   VERSION  6.1 | 6.12 | 7.2    (Debian linux-source-VERSION: installed, or
#                                fetched from sid by scripts/setup.sh)
#   ARCH     arm64 | arm
#   KIND     test   full test kernel (arm64 Image / arm zImage) from
#                   allnoconfig + scripts/config/{test-kernel,debug}.config
#                   (+ arm.config, debug-arm.config for ARCH=arm,
#                   scu-arm64.config for ARCH=arm64, every kind)
#            hunt   the test kernel with more detectors: hunt.config
#                   (UBSAN, KFENCE, DEBUG_OBJECTS, DEBUG_LIST, PROVE_RCU,
#                   DEBUG_KOBJECT_RELEASE); make soak boots it
#            bench  the same kernel without the debug detectors, with
#                   bench.config (what users run: make bench times on it;
#                   ele-bench.config on 6.12 arm64)
#            clang  LLVM=1 tree prepared for external modules (W=1 checks)
#            prep   tree prepared for external modules (ARCH=arm compile check)
#
# Trees live in ${OTP_CACHE:-~/.cache/otp-kernels}, keyed by version, arch,
# kind and a hash of the config inputs, so a second run rebuilds nothing.
# Prints the build directory on the last line of stdout.
set -eu

ver=$1 arch=$2 kind=$3
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${OTP_CACHE:-$HOME/.cache/otp-kernels}
cfg=$top/scripts/config
tarball=/usr/src/linux-source-$ver.tar.xz
# A package from sid is unpacked under the cache, its version beside it.
sid=$cache/sid
[ -f "$tarball" ] || tarball=$sid/usr/src/linux-source-$ver.tar.xz
src=$cache/src/linux-source-$ver

case $arch in
arm64) cross=aarch64-linux-gnu- ;;
arm) cross=arm-linux-gnueabihf- ;;
*) echo "build-kernel: unknown arch $arch" >&2; exit 2 ;;
esac

# The Kconfig fragment of this kind, merged into one file.
frags=$cfg/test-kernel.config
case $kind in test | hunt | clang) frags="$frags $cfg/debug.config" ;; esac
case $arch in arm) frags="$frags $cfg/arm.config" ;; esac
case $kind-$arch in test-arm | hunt-arm) frags="$frags $cfg/debug-arm.config" ;; esac
case $kind-$arch in *-arm64) frags="$frags $cfg/scu-arm64.config" ;; esac
# The in-tree i.MX93/95 provider (6.12 only) beside ours, for make bench.
case $ver-$kind-$arch in 6.12-bench-arm64) frags="$frags $cfg/ele-bench.config" ;; esac
case $kind in bench) frags="$frags $cfg/bench.config" ;; esac
case $kind in hunt) frags="$frags $cfg/hunt.config" ;; esac

[ -f "$tarball" ] || { echo "build-kernel: $tarball missing (scripts/setup.sh installs or fetches linux-source-$ver)" >&2; exit 1; }

# What the sources are: the Debian package's version, or the tarball's size
# and time where dpkg does not know it.  A new linux-source package gives
# new sources and new trees.
srcid=$(dpkg-query -W -f='${Version}' "linux-source-$ver" 2>/dev/null || true)
[ -n "$srcid" ] || srcid=$(cat "$sid/linux-source-$ver.version" 2>/dev/null || true)
[ -n "$srcid" ] || srcid=$(stat -c '%s %Y' "$tarball")
# shellcheck disable=SC2086
key=$({ cat $frags "$0"; printf '%s %s\n' "$srcid" "$kind"; } | sha256sum | cut -c1-12)
out=$cache/build-$ver-$arch-$kind-$key
stamp=$out/.otp-built

if [ -f "$stamp" ]; then
	echo "$out"
	exit 0
fi

mkdir -p "$cache/src"
if [ "$(cat "$src/.otp-extracted" 2>/dev/null)" != "$srcid" ]; then
	echo "build-kernel: extracting $tarball ($srcid)" >&2
	rm -rf "$src"
	tar -C "$cache/src" -xf "$tarball"
	echo "$srcid" > "$src/.otp-extracted"
fi

export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
export KBUILD_BUILD_TIMESTAMP="2026-01-01" KBUILD_BUILD_USER=otp KBUILD_BUILD_HOST=otp
jobs=$(nproc)
rm -rf "$out"
mkdir -p "$out"
frag=$out/otp.config
# shellcheck disable=SC2086
cat $frags > "$frag"

case $kind in
clang)
	mk() { make -s -C "$src" O="$out" ARCH="$arch" LLVM=1 CC="ccache clang" -j"$jobs" "$@"; } ;;
*)
	mk() { make -s -C "$src" O="$out" ARCH="$arch" CROSS_COMPILE="$cross" CC="ccache ${cross}gcc" -j"$jobs" "$@"; } ;;
esac

case $kind in
test|hunt|bench|clang)
	KCONFIG_ALLCONFIG=$frag mk allnoconfig >&2
	# Every requested symbol must have survived Kconfig's dependency solving.
	grep -E '^CONFIG_[A-Z0-9_]+=' "$frag" | while IFS= read -r line; do
		grep -qx "$line" "$out/.config" || {
			echo "build-kernel: $line did not stick in $out/.config" >&2
			exit 1
		}
	done
	;;
prep)
	mk multi_v7_defconfig >&2
	"$src/scripts/config" --file "$out/.config" -e NVMEM -e NVMEM_SYSFS \
		-e MFD_SYSCON -e OF -e COMMON_CLK -d KUNIT >&2
	mk olddefconfig >&2
	;;
*) echo "build-kernel: unknown kind $kind" >&2; exit 2 ;;
esac

case $kind in
test|hunt|bench)
	echo "build-kernel: building linux-$ver $arch $kind ($out)" >&2
	image=Image
	[ "$arch" = arm ] && image=zImage
	mk "$image" modules >&2
	;;
*)
	echo "build-kernel: preparing linux-$ver $arch $kind ($out)" >&2
	mk modules_prepare >&2
	;;
esac

touch "$stamp"
echo "$out"
