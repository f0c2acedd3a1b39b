#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build our modules against a kernel tree, in a copy of the sources under
# OUTDIR (so several trees never share object files).
#
# The compiler runs in a work directory whose path does not depend on where
# the clone is (${OTP_CACHE:-~/.cache/otp-kernels}/modules/KTREE/NAME, NAME
# being OUTDIR's last component): ccache keys on the absolute source paths,
# so a fresh clone then hits the cache the last clone filled.  The work
# directory takes OUTDIR's state first and gives it back after, so a build
# is incremental exactly when OUTDIR already held one; a lock keeps two
# builds of the same NAME apart.  The object files keep the work
# directory's paths (debug info, .cmd files); the module lists are
# rewritten to OUTDIR's.
# usage: scripts/build-modules.sh KDIR ARCH OUTDIR [extra make args...]
set -eu
kdir=$1 arch=$2 dst=$3
shift 3
top=$(cd "$(dirname "$0")/.." && pwd)
case $arch in
arm64) cross=aarch64-linux-gnu- ;;
arm) cross=arm-linux-gnueabihf- ;;
*) echo "build-modules: unknown arch $arch" >&2; exit 2 ;;
esac
mkdir -p "$dst"
dst=$(cd "$dst" && pwd)
work=${OTP_CACHE:-$HOME/.cache/otp-kernels}/modules/$(basename "$kdir")/$(basename "$dst")
mkdir -p "$work"
exec 9>"$work.lock"
flock 9
# OUTDIR's objects, with their times, so make rebuilds what OUTDIR lacks.
rsync -a --delete "$dst/" "$work/"
# Then the sources: a changed file is rewritten (so it is newer than its
# object), an unchanged one is left alone.
rsync -rlc --delete --exclude '*.o' --exclude '*.ko' --exclude '.*.cmd' \
	--exclude '*.mod*' --exclude '*.dtbo*' --exclude '*.words.h' \
	--exclude 'modules.order' \
	--exclude 'Module.symvers' --exclude '.*.d' \
	--include 'Kbuild' --include 'drivers/***' --include 'kunit/***' \
	--include 'tests/' --include 'tests/modules/***' \
	--include 'tests/data/' --include 'tests/data/*.words' \
	--include 'tests/gen-upstream-cells.py' --exclude '*' \
	"$top/" "$work/"
if grep -q '^CONFIG_CC_IS_CLANG=y' "$kdir/.config"; then
	set -- LLVM=1 CC="ccache clang" "$@"
else
	set -- CROSS_COMPILE="$cross" CC="ccache ${cross}gcc" "$@"
fi
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
rc=0
# OTP_TESTS=1: the KUnit suites and the guest-side test modules too.
make -C "$kdir" M="$work" OTP_TESTS=1 ARCH="$arch" -j"$(nproc)" "$@" modules || rc=$?
rsync -a --delete "$work/" "$dst/"
# The module lists name the objects by path: OUTDIR's, for modules_install
# with M=OUTDIR.
for f in modules.order Module.symvers; do
	[ -f "$dst/$f" ] && sed -i "s|$work/|$dst/|" "$dst/$f"
done
exit $rc
